// The app's entry (package.json "main"). Started with --cli first, the installed program is the
// veilige-kopie command (resources/cli/ holds a launcher per system): the fuse that would let the
// binary run as plain Node stays off, so the command runs here, in the main process, and no
// window opens. Anything else is the desktop app. Each half is loaded only when it is the one
// asked for, and awaited: Electron holds its ready event until this entry has finished loading.
import { commandArguments } from './cli/command-arguments.ts';

// A checkout started as `electron . --cli …` (Electron's defaultApp) has its folder first, and
// plain Node (tests) its script; the installed binary has none.
const scriptFirst =
  (process as { defaultApp?: boolean }).defaultApp === true || !process.versions.electron;
const command = commandArguments(process.argv, scriptFirst);
if (command) {
  const { runInTerminal } = await import('./cli/terminal.ts');
  process.exit(await runInTerminal(command));
} else {
  await import('./main/main.ts');
}
