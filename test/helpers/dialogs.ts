import type { Dialogs } from '../../electron/core/service/dialogs.ts';

/** Dialogs for a service under test: nothing chosen, nothing revealed, unless given. */
export function stubDialogs(overrides: Partial<Dialogs> = {}): Dialogs {
  return {
    chooseFiles: async () => null,
    chooseSaveTarget: async () => null,
    reveal: async () => undefined,
    ...overrides,
  };
}
