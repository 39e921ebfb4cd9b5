import { keepEngineNotesOut } from './engine-notes.ts';
import { runCli } from './main.ts';

/**
 * The command wired to this process's terminal; returns the exit code. The npm command
 * (dist-cli/) and the installed app's `--cli` mode (electron/launch.ts) both run it.
 */
export function runInTerminal(argv: readonly string[]): Promise<number> {
  keepEngineNotesOut(process.stderr);
  return runCli(argv, {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    env: process.env,
    cwd: process.cwd(),
    // A progress bar only on a terminal; pipes and logs get plain lines.
    status: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
  });
}
