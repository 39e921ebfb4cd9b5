// The command's process, bundled to dist-cli/veilige-kopie.mjs (`npx veilige-kopie`).
import { runInTerminal } from './terminal.ts';

process.exitCode = await runInTerminal(process.argv.slice(2));
