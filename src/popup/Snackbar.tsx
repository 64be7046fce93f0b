import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from './types';

/** How long a message (and its Undo) stays. */
export const SNACKBAR_MS = 5000;

export interface Snack {
  text: string;
  /** Offered as an "Undo" button while the message shows. */
  undo?: () => void;
  error?: boolean;
}

/** One message at a time; a new one replaces the old (whose Undo is then gone). */
export function useSnackbar() {
  const [snack, setSnack] = useState<Snack | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const show = (s: Snack | null) => {
    clearTimeout(timer.current);
    setSnack(s);
    if (s) timer.current = setTimeout(() => setSnack(null), SNACKBAR_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return { snack, show };
}

export function Snackbar({ snack, t, onClose }: { snack: Snack | null; t: Translate; onClose(): void }) {
  // Always in the document, so screen readers announce what appears in it.
  return (
    <div class={snack ? (snack.error ? 'snackbar error' : 'snackbar') : 'snackbar hidden'} role={snack?.error ? 'alert' : 'status'}>
      {snack && (
        <>
          <span class="snack-text">{snack.text}</span>
          {snack.undo && (
            <button
              type="button"
              class="undo"
              onClick={() => {
                const undo = snack.undo!;
                onClose();
                undo();
              }}
            >
              {t('undo')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
