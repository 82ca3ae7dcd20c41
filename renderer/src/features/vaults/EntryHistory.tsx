import type { EntryView } from '../../../../shared/domain/vault';
import { formatAbsolute, formatRelative } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { SecretBox } from './SecretBox';
import { useReveal } from './use-reveal';

type HistoryItem = EntryView['history'][number];

function HistoryVersion({ entry, item, now, lockedHintId }: HistoryProps & { item: HistoryItem; now: number }) {
  const reveal = useReveal(entry.id, entry.vaultId, item.version);
  return (
    <li className="entry-history__item">
      <p>
        <span className="entry-history__version">Version {item.version}</span>, replaced{' '}
        <time dateTime={item.replacedAt} title={formatAbsolute(item.replacedAt)}>
          {formatRelative(item.replacedAt, now)}
        </time>
        {item.keepUntil ? <span className="muted"> · kept until {formatAbsolute(item.keepUntil)}</span> : null}
      </p>
      <SecretBox
        reveal={reveal}
        label={`Version ${item.version} of ${entry.name}`}
        subject={`version ${item.version}`}
        lockedHintId={lockedHintId}
      />
    </li>
  );
}

interface HistoryProps {
  entry: EntryView;
  lockedHintId: string;
}

/** The previous values of an entry, newest first, each with its own Show (a reveal of that version). */
export function EntryHistory({ entry, lockedHintId }: HistoryProps) {
  const now = useNow();
  const items = [...entry.history].sort((a, b) => b.version - a.version);
  return (
    <section className="entry-history" aria-labelledby={`history-${entry.id}`}>
      <h3 id={`history-${entry.id}`} className="entry-history__title">
        History
      </h3>
      {items.length === 0 ? (
        <p className="muted">No previous versions. Saving a new key keeps the current one here.</p>
      ) : (
        <ol className="entry-history__list">
          {items.map((item) => (
            <HistoryVersion key={item.version} entry={entry} item={item} now={now} lockedHintId={lockedHintId} />
          ))}
        </ol>
      )}
    </section>
  );
}
