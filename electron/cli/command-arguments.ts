/**
 * The command's arguments when the app binary was started as the command (`--cli` first, as
 * resources/cli's launchers pass it), else null. `scriptFirst`: a script or folder comes before
 * the arguments (`electron . --cli …` in a checkout, `node launch.mjs --cli …`).
 */
export function commandArguments(argv: readonly string[], scriptFirst = false): string[] | null {
  const first = scriptFirst ? 2 : 1;
  return argv[first] === '--cli' ? argv.slice(first + 1) : null;
}
