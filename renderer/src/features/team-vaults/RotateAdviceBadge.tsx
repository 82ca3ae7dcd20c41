import { ShieldAlert } from 'lucide-react';
import type { EntryView } from '../../../../shared/domain/vault';
import { formatAbsolute } from '../../lib/time';
import './team-vaults.css';

/** The mark holds while the key a removed member could read is still the current one. */
export const needsRotation = (entry: EntryView): boolean =>
  entry.rotateAdvice !== undefined && entry.rotateAdvice.version === entry.secretVersion;

/** "Seen by a removed member — rotate", on the entry's row and page; who and when on hover. */
export function RotateAdviceBadge({ entry }: { entry: EntryView }) {
  const advice = entry.rotateAdvice;
  if (advice === undefined || !needsRotation(entry)) return null;
  return (
    <span
      className="team-badge team-badge--warning"
      title={`${advice.removed.join(', ')} could read this key before being removed (${formatAbsolute(advice.at)}).`}
    >
      <ShieldAlert size={12} aria-hidden="true" />
      Seen by a removed member — rotate
    </span>
  );
}
