import { useCallback, useEffect, useRef, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

export const COPY_FAILED_MESSAGE =
  'Keyhaven could not copy to the clipboard. Click Show, then select the key and copy it by hand.';

/** Copies text and reports "copied" for a moment (or a failure that stays until the next try). */
export function useClipboard(resetAfterMs = 2_000) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Resolves to whether the text reached the clipboard. */
  const copy = useCallback(
    async (text: string): Promise<boolean> => {
      clearTimeout(timer.current);
      try {
        if (!navigator.clipboard) throw new Error('no clipboard');
        await navigator.clipboard.writeText(text);
        setState('copied');
        timer.current = setTimeout(() => setState('idle'), resetAfterMs);
        return true;
      } catch {
        setState('failed');
        return false;
      }
    },
    [resetAfterMs],
  );

  return { state, copy };
}
