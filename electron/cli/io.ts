/** What the command talks to: output lines, the environment, the working directory. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** A status line redrawn in place (a progress bar), given only when stderr is a terminal. */
  status?: (line: string) => void;
  /** Ends a long-running command (watch) from outside, e.g. in tests. */
  signal?: AbortSignal;
}
