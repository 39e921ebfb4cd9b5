import { useEffect } from 'react';

/** The showing screen's main action, when it is allowed right now (one screen shows at a time). */
let current: { run: () => void } | null = null;

/**
 * Makes `action` the screen's main action (what Ctrl/Cmd+Enter does) while the screen shows;
 * `null` while it is not allowed (a warning not ticked off, a field missing).
 */
export function usePrimaryAction(action: (() => void) | null): void {
  useEffect(() => {
    if (!action) return;
    const entry = { run: action };
    current = entry;
    return () => {
      if (current === entry) current = null;
    };
  }, [action]);
}

/** Runs the showing screen's main action, if it has one that is allowed. */
export function runPrimaryAction(): void {
  current?.run();
}
