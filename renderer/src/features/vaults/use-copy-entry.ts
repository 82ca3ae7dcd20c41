import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntryView } from '../../../../shared/domain/vault';
import { client, isFailure, subscribe } from '../../api/client';
import { useVaults } from '../../stores/vaults-store';
import { copiedWhat, type CopyNotice } from './copy-notice';

export type CopyFormat = 'value' | 'header';

/** The notice of a copied previous version is matched to that version's line, not the entry's. */
export const versionNoticeId = (entryId: string, version: number): string => `${entryId}@v${version}`;

/** How long the last word ("Clipboard cleared", a failure) stays once nothing is counting down. */
const SETTLED_NOTICE_MS = 8_000;

/**
 * Copy and Copy as header. The copy happens in main, which puts the key on the clipboard and clears
 * it later; the renderer never holds the value. Main answers with the copy's id and delay, and later
 * says what became of it (clipboard:released), so the notice says what is true at every moment:
 * counting down, then "Clipboard cleared" — or that the user's own copy was left alone.
 */
export function useCopyEntry() {
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  const noteFailure = useVaults((s) => s.noteFailure);
  const latest = useRef<CopyNotice | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const settle = useCallback((next: CopyNotice | null) => {
    clearTimeout(timer.current);
    latest.current = next;
    setNotice(next);
    if (next !== null && next.state !== 'copied') timer.current = setTimeout(() => setNotice(null), SETTLED_NOTICE_MS);
  }, []);

  useEffect(
    () =>
      subscribe('clipboard:released', ({ copyId, outcome }) => {
        const current = latest.current;
        if (current?.state !== 'copied' || current.copyId !== copyId) return;
        // Replaced by a later copy: that copy's notice (here or elsewhere) takes over.
        settle(outcome === 'replaced' ? null : { ...current, state: outcome });
      }),
    [settle],
  );

  const copy = useCallback(
    /** With `version`: a previous value kept in the entry's history; its notice sits on that version. */
    async (entry: EntryView, format: CopyFormat, version?: number) => {
      settle(null);
      const result = await client.entries.copy(
        version === undefined ? { entryId: entry.id, format } : { entryId: entry.id, format, version },
      );
      const noticeId = version === undefined ? entry.id : versionNoticeId(entry.id, version);
      if (isFailure(result)) {
        noteFailure(result);
        // UNAVAILABLE, LOCKED…: main's message says what happened and what to do.
        settle({ state: 'failed', entryId: noticeId, message: result.message });
        return;
      }
      settle({
        state: 'copied',
        entryId: noticeId,
        entryName: entry.name,
        what: copiedWhat(format === 'header' ? entry.scheme : null, version),
        copyId: result.copyId,
        seconds: result.clearsAfterSeconds,
        clearsAt: Date.now() + result.clearsAfterSeconds * 1000,
      });
    },
    [noteFailure, settle],
  );

  return { notice, copy };
}
