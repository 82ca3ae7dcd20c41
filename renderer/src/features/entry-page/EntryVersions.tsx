import { ClipboardType, Copy, History } from 'lucide-react';
import type { EntryView } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { formatAbsolute, formatRelative } from '../../lib/time';
import type { CopyNotice } from '../vaults/copy-notice';
import { CopyNoticeLine } from '../vaults/CopyFeedback';
import { SecretBox } from '../vaults/SecretBox';
import { versionNoticeId, type CopyFormat } from '../vaults/use-copy-entry';
import { useReveal } from '../vaults/use-reveal';

type HistoryItem = EntryView['history'][number];

interface VersionsProps {
  entry: EntryView;
  now: number;
  lockedHintId: string;
  notice: CopyNotice | null;
  onCopy: (version: number, format: CopyFormat) => void;
  onRestore: (version: number) => void;
  /** In a team vault: the name of the member a fingerprint belongs to (else it, grouped). */
  authorOf?: ((fingerprint: string) => string) | undefined;
}

function Version(props: VersionsProps & { item: HistoryItem }) {
  const { entry, item, now, lockedHintId, notice, onCopy, onRestore, authorOf } = props;
  const reveal = useReveal(entry.id, entry.vaultId, item.version);
  const subject = `version ${item.version}`;
  const mine = notice !== null && notice.entryId === versionNoticeId(entry.id, item.version);
  return (
    <li className="entry-versions__item">
      <p className="entry-versions__when">
        <span className="entry-versions__version">Version {item.version}</span>, replaced{' '}
        <time dateTime={item.replacedAt} title={formatAbsolute(item.replacedAt)}>
          {formatRelative(item.replacedAt, now)}
        </time>
        {item.by !== undefined && authorOf ? <span> · set by {authorOf(item.by)}</span> : null}
        {item.keepUntil ? (
          <span className="muted"> · kept until {formatAbsolute(item.keepUntil)}, when its grace period ends</span>
        ) : null}
      </p>
      <SecretBox
        reveal={reveal}
        label={`Version ${item.version} of ${entry.name}`}
        subject={subject}
        lockedHintId={lockedHintId}
      />
      <div className="entry-versions__actions">
        <Button
          size="sm"
          icon={Copy}
          disabled={reveal.locked}
          aria-label={`Copy ${subject}`}
          onClick={() => onCopy(item.version, 'value')}
        >
          Copy
        </Button>
        <Button
          size="sm"
          icon={ClipboardType}
          disabled={reveal.locked}
          aria-label={`Copy as header, ${subject}`}
          onClick={() => onCopy(item.version, 'header')}
        >
          Copy as header
        </Button>
        <Button
          size="sm"
          icon={History}
          disabled={reveal.locked}
          aria-label={`Restore ${subject}`}
          onClick={() => onRestore(item.version)}
        >
          Restore
        </Button>
        {mine ? (
          <CopyNoticeLine
            key={notice.state === 'failed' ? 'failed' : notice.copyId}
            notice={notice}
            className="entry-versions__copied"
          />
        ) : null}
      </div>
    </li>
  );
}

/**
 * The entry's previous keys, newest first: each can be shown, copied (as the key or its header line)
 * and restored as the current key. A rotated issued key's old value stays only until its grace
 * period ends, and says so.
 */
export function EntryVersions(props: VersionsProps) {
  const items = [...props.entry.history].sort((a, b) => b.version - a.version);
  if (items.length === 0) {
    return <p className="muted">No previous versions. Saving a new key keeps the current one here.</p>;
  }
  return (
    <ol className="entry-versions">
      {items.map((item) => (
        <Version key={item.version} item={item} {...props} />
      ))}
    </ol>
  );
}
