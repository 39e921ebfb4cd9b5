import type { ExportFormat } from '../../../shared/ipc.ts';

/** What the service asks of the desktop shell; Electron's dialog module in the app, stubs in tests. */
export interface Dialogs {
  /** Paths of the files the person chose, or null when cancelled. */
  chooseFiles(): Promise<string[] | null>;
  /** Where to save, or null when cancelled. `suggestedName` never holds personal data. */
  chooseSaveTarget(suggestedName: string, format: ExportFormat): Promise<string | null>;
  /** Shows a saved file in the system's file manager. */
  reveal(file: string): Promise<void>;
}
