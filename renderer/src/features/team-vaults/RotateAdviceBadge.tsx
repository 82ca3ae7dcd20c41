import { ShieldAlert } from 'lucide-react';
import type { EntryView } from '../../../../shared/domain/vault';
import { formatAbsolute } from '../../lib/time';
import './team-vaults.css';

/** The mark holds while the key a removed member could read is still the current one. */
export const needsRotation = (entry: EntryView): boolean =>
  entry.rotateAdvice !== undefined && entry.rotateAdvice.version === entry.secretVersion;

/**
 * "Seen by a removed member — rotate", on the entry's page; who and when on hover. A table row has
 * room for "Rotate" only: the rest of the words are there for screen readers and on hover.
 */
export function RotateAdviceBadge({ entry, compact = false }: { entry: EntryView; compact?: boolean }) {
  const advice = entry.rotateAdvice;
  if (advice === undefined || !needsRotation(entry)) return null;
  return (
    <span
      className="team-badge team-badge--warning"
      title={`${advice.removed.join(', ')} could read this key before being removed (${formatAbsolute(advice.at)}).`}
    >
      <ShieldAlert size={12} aria-hidden="true" />
      {compact ? (
        <>
          <span className="visually-hidden">Seen by a removed member — </span>
          Rotate
        </>
      ) : (
        'Seen by a removed member — rotate'
      )}
    </span>
  );
}
