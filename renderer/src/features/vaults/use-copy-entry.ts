import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryView } from '../../../../shared/domain/vault';
import { client, isFailure } from '../../api/client';
import { useVaults } from '../../stores/vaults-store';

export type CopyFormat = 'value' | 'header';

export interface CopyNotice {
  tone: 'done' | 'failed';
  text: string;
}

/** How long "Copied…" stays: long enough to read, gone before the next copy is confusing. */
const NOTICE_MS = 8_000;

/**
 * Copy and Copy as header. The copy happens in main, which puts the key on the clipboard and clears
 * it later; the renderer never holds the value, it only learns when the clipboard will be cleared.
 */
export function useCopyEntry() {
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  const noteFailure = useVaults((s) => s.noteFailure);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (entry: EntryView, format: CopyFormat) => {
      clearTimeout(timer.current);
      setNotice(null);
      const result = await client.entries.copy({ entryId: entry.id, format });
      if (isFailure(result)) {
        noteFailure(result);
        // UNAVAILABLE, LOCKED…: main's message says what happened and what to do.
        setNotice({ tone: 'failed', text: result.message });
        return;
      }
      const what = format === 'header' ? 'Copied as header.' : 'Copied.';
      setNotice({ tone: 'done', text: `${what} The clipboard will be cleared in ${result.clearsAfterSeconds} s.` });
      timer.current = setTimeout(() => setNotice(null), NOTICE_MS);
    },
    [noteFailure],
  );

  return { notice, copy };
}
