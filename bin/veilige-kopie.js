#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so the CLI, the tests and the app share one source.
// tsx's on-disk transform cache is switched off: the app writes nothing but the exported file.
process.env.TSX_DISABLE_CACHE = '1';
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  env: process.env,
  cwd: process.cwd(),
  // A progress bar only on a terminal; pipes and logs get plain lines.
  status: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : undefined,
});
process.exitCode = code;
