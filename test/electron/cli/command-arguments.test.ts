import { describe, expect, it } from 'vitest';
import { commandArguments } from '../../../electron/cli/command-arguments.ts';

describe('the app binary started as the command', () => {
  it('takes everything after --cli from the installed binary', () => {
    expect(
      commandArguments(['/opt/vk/veilige-kopie', '--cli', 'redact', 'a b.jpg', '-o=x.pdf']),
    ).toEqual(['redact', 'a b.jpg', '-o=x.pdf']);
  });

  it('takes everything after --cli when a checkout is started as electron . --cli', () => {
    expect(commandArguments(['electron', '.', '--cli', '--help'], true)).toEqual(['--help']);
  });

  it('opens the window otherwise, also when --cli comes later or after a switch', () => {
    expect(commandArguments(['/opt/vk/veilige-kopie'])).toBeNull();
    expect(commandArguments(['/opt/vk/veilige-kopie', 'scan.jpg', '--cli'])).toBeNull();
    expect(commandArguments(['electron', '.', '--inspect', '--cli'], true)).toBeNull();
    expect(commandArguments(['electron', '.', 'x', '--cli'], true)).toBeNull();
    expect(commandArguments(['electron', '.'], true)).toBeNull();
  });
});
