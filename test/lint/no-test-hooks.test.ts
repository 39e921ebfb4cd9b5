import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Tests find the app's controls by role and name (test/helpers/ui.ts); lint keeps test hooks
// out of the renderer so that stays true.
const eslint = new ESLint();

async function rulesHit(source: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(source, { filePath: 'renderer/components/Probe.tsx' });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('lint keeps test hooks out of the renderer', () => {
  it.each(['data-testid="save"', 'data-primary'])('refuses %s on an element', async (attr) => {
    const rules = await rulesHit(`export const P = () => <button ${attr}>x</button>;\n`);
    expect(rules).toContain('no-restricted-syntax');
  });

  it('lets a control carry a role and a name', async () => {
    const rules = await rulesHit(
      `export const P = () => <ul role="list" aria-label="x" data-kind="mrz" />;\n`,
    );
    expect(rules).not.toContain('no-restricted-syntax');
  });
});
