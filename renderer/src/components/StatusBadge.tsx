import type { KeyStatus } from '../../../shared/domain/issued-key';
import './StatusBadge.css';

export const STATUS_LABELS: Record<KeyStatus, string> = {
  active: 'Active',
  expiring_soon: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
  rotated: 'Rotated',
  disabled: 'Disabled',
};

/**
 * A key's status as a word with a colour (the colour is never the only signal). A key about to expire
 * still works: it reads Active, as the source pages list a new key (Cerby), and the table says beside
 * it how soon it expires; "Expiring soon" stays a filter.
 */
export function StatusBadge({ status }: { status: KeyStatus }) {
  const shown = status === 'expiring_soon' ? 'active' : status;
  return (
    <span className={`status-badge status-badge--${shown}`}>
      <span className="status-badge__dot" aria-hidden="true" />
      {STATUS_LABELS[shown]}
    </span>
  );
}
