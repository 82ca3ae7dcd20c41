import { useCallback, useEffect, useRef, useState } from 'react';
import type { CopyResult } from '../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../api/client';

export type CopyState =
  | { kind: 'idle' }
  /** `recent` is true for a moment after the copy, for a short "Copied" on the button. */
  | { kind: 'copied'; clearsAfterSeconds: number; recent: boolean }
  | { kind: 'failed'; message: string };

/**
 * Copy of a secret done by main (keys.copyPlaintext, entries.copy): the renderer never writes a secret
 * to the clipboard itself, because only main can clear it again after the delay and on quit.
 */
export function useCopyInMain(recentForMs = 2_000) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Runs the copy call; resolves to whether the secret reached the clipboard. */
  const copy = useCallback(
    async (run: () => Promise<CopyResult | ApiFailure>): Promise<boolean> => {
      clearTimeout(timer.current);
      const result = await run();
      if (isFailure(result)) {
        setState({ kind: 'failed', message: result.message });
        return false;
      }
      setState({ kind: 'copied', clearsAfterSeconds: result.clearsAfterSeconds, recent: true });
      timer.current = setTimeout(
        () => setState((now) => (now.kind === 'copied' ? { ...now, recent: false } : now)),
        recentForMs,
      );
      return true;
    },
    [recentForMs],
  );

  return { state, copy };
}

export const copiedMessage = (seconds: number) => `Copied. The clipboard will be cleared in ${seconds} s.`;
