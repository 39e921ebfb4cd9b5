// The command's process: the terminal wired to runCli. Bundled to dist-cli/veilige-kopie.mjs.
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  cwd: process.cwd(),
  // A progress bar only on a terminal; pipes and logs get plain lines.
  status: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
});
