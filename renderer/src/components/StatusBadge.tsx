import type { KeyStatus } from '../../../shared/domain/issued-key';
import './StatusBadge.css';

export const STATUS_LABELS: Record<KeyStatus, string> = {
  active: 'Active',
  expiring_soon: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
  rotated: 'Rotated',
};

/** A key's status as a word with a colour (the colour is never the only signal). */
export function StatusBadge({ status }: { status: KeyStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span className="status-badge__dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
