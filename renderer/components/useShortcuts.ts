import { useEffect } from 'react';
import { useStore } from '../state/store.ts';

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Keys typed into a field belong to the field: no shortcut may take them. */
function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

export interface ShortcutActions {
  open: () => void;
  /** The screen's main action (next step, save, new document), when it is allowed. */
  primary: () => void;
  wipe: () => void;
}

/**
 * The app's keys. Ctrl/Cmd+O opens, Ctrl/Cmd+Enter takes the main action, Esc wipes at the front
 * desk. On the review only: Ctrl/Cmd+Z and Shift+Z undo and redo, Delete removes (or unticks)
 * the selected box, arrows move it and Alt+arrows resize it (Shift: bigger steps). Every edit
 * goes through the store, which applies the organisation's rules.
 */
export function useShortcuts(actions: ShortcutActions): void {
  const { open, primary, wipe } = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const s = useStore.getState();
      const typing = inTextField(e.target);
      const review = s.step === 'review' && !typing;
      const key = e.key.toLowerCase();
      if (mod && key === 'o' && s.step === 'start') {
        e.preventDefault();
        open();
      } else if (mod && e.key === 'Enter') {
        e.preventDefault();
        primary();
      } else if (e.key === 'Escape' && s.frontDesk && s.step !== 'start' && !typing) {
        wipe();
      } else if (mod && key === 'z' && review) {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && s.selected && review) {
        e.preventDefault();
        s.deleteSelected();
      } else if (ARROWS[e.key] && s.selected && review) {
        e.preventDefault();
        const [dx, dy] = ARROWS[e.key] as [number, number];
        const step = e.shiftKey ? 10 : 2;
        s.nudge(dx * step, dy * step, e.altKey);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, primary, wipe]);
}
