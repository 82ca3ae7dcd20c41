import { ClipboardType, Copy } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { describeScheme } from '../../../../shared/catalogs/service-presets';
import type { EntryView } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { CopyAnnouncer, CopyNoticeLine } from './CopyFeedback';
import { IssuedNote } from './IssuedNote';
import { SecretBox } from './SecretBox';
import { useCopyEntry } from './use-copy-entry';
import { useReveal } from './use-reveal';

/**
 * Show: the entry's current key, revealed on opening (that is what Show asked for), with Hide, Copy and
 * Copy as header. Closing the dialog, or the vault locking, drops the value.
 */
export function ShowEntryDialog({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const reveal = useReveal(entry.id, entry.vaultId);
  const { notice, copy } = useCopyEntry();
  const lockedHintId = useId();
  const asked = useRef(false);
  const { show } = reveal;

  useEffect(() => {
    if (asked.current) return;
    asked.current = true; // once, even when React runs effects twice in development
    void show();
  }, [show]);

  return (
    <Dialog title={entry.name} size="lg" onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      <p className="muted">
        {entry.service} · {describeScheme(entry.scheme)}
        {entry.baseUrl ? ` · ${entry.baseUrl}` : ''}
      </p>
      {entry.kind === 'issued' ? <IssuedNote entry={entry} /> : null}
      <SecretBox reveal={reveal} label={`Key of ${entry.name}`} lockedHintId={lockedHintId} />
      {reveal.locked ? (
        <p id={lockedHintId} className="muted">
          The vault is locked, so the key is hidden. Unlock the vault to show or copy it.
        </p>
      ) : null}
      <div className="show-entry__copy">
        <Button icon={Copy} disabled={reveal.locked} onClick={() => void copy(entry, 'value')}>
          Copy
        </Button>
        <Button icon={ClipboardType} disabled={reveal.locked} onClick={() => void copy(entry, 'header')}>
          Copy as header
        </Button>
      </div>
      <CopyAnnouncer notice={notice} />
      {notice ? (
        <CopyNoticeLine
          key={notice.state === 'failed' ? 'failed' : notice.copyId}
          notice={notice}
          className="show-entry__copied"
        />
      ) : null}
    </Dialog>
  );
}
