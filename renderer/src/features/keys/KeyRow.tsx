import { Ban, RefreshCw, TriangleAlert } from 'lucide-react';
import { UNUSED_AFTER_DAYS, type IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { TimeText } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { publicKeyPart } from '../../lib/key-display';
import { formatAbsolute, formatCompact, formatRelative } from '../../lib/time';
import { actionsFor } from './key-table-model';

/** A key's row, when it is rendered: where focus returns after a dialog changed the key. */
export const keyRowElement = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`tr[data-key-id="${CSS.escape(id)}"]`);

export interface KeyRowActions {
  onRotate: (key: IssuedKeySummary) => void;
  onRevoke: (key: IssuedKeySummary) => void;
  /** Opens the key's page (its name is the link). */
  onOpen: (key: IssuedKeySummary) => void;
  /** Scrolls to and highlights another key of the table (a rotation link). */
  onJump: (id: string) => void;
}

interface KeyRowProps extends KeyRowActions {
  row: IssuedKeySummary;
  /** For rotation links: any key of the app by id, filtered out or not. */
  byId: ReadonlyMap<string, IssuedKeySummary>;
  now: number;
  rowIndex: number;
  highlighted: boolean;
}

/**
 * "Replaced by pyas_s66v…": the other key of a rotation, on one short line of the Key cell (a key in
 * the middle of a chain has two, one under the other). The full id is the button's name (the rest of it
 * visually hidden), and the line's title when a long prefix cuts it short (the id shortens first, so the link stays visible and usable).
 */
function RotationLink({ label, target, onJump }: { label: string; target: IssuedKeySummary; onJump: () => void }) {
  const full = publicKeyPart(target);
  return (
    <span className="key-cell__line key-link" title={`${label} ${full}`}>
      <span className="key-link__label">{label}</span>{' '}
      <Button variant="link" size="sm" title={`Go to ${full}`} onClick={onJump} className="key-link__button">
        {/* Named by its content (WCAG 2.5.3): the short id is what shows, the whole id what is read. */}
        <code>
          <span aria-hidden="true">{`${target.keyPrefix}_${target.keyId.slice(0, 4)}…`}</span>
          <span className="visually-hidden">{full}</span>
        </code>
      </Button>
    </span>
  );
}

function Scopes({ scopes }: { scopes: readonly string[] }) {
  if (scopes.length === 0) {
    return (
      <span className="muted" title="No scopes">
        None<span className="visually-hidden"> (no scopes)</span>
      </span>
    );
  }
  return (
    <span className="scope-count" title={scopes.join('\n')}>
      {scopes.length === 1 ? '1 scope' : `${scopes.length} scopes`}
      <span className="visually-hidden">: {scopes.join(', ')}</span>
    </span>
  );
}

/**
 * One key. Every cell fits the fixed row height the virtualizer relies on (KEY_ROW_HEIGHT): one line
 * per cell, except the Key cell (the key, then at most two rotation links) and the Status cell (the
 * badge, then the end of a grace period), whose short lines have a fixed height and never wrap.
 */
export function KeyRow(props: KeyRowProps) {
  const { row: key, byId, now, rowIndex, highlighted, onRotate, onRevoke, onOpen, onJump } = props;
  const replacedBy = key.replacedById ? byId.get(key.replacedById) : undefined;
  const replaces = key.replacesId ? byId.get(key.replacesId) : undefined;
  const inGrace = key.status === 'rotated' && key.graceEndsAt !== null && Date.parse(key.graceEndsAt) > now;
  const actions = actionsFor(key, now);
  const nameId = `key-name-${key.id}`;
  return (
    <tr
      className={`keys-table__row${highlighted ? ' keys-table__row--highlight' : ''}`}
      aria-rowindex={rowIndex}
      data-key-id={key.id}
      tabIndex={-1}
    >
      <td id={nameId} className="cell-strong keys-table__name" title={key.name}>
        <Button variant="link" size="sm" className="keys-table__open" onClick={() => onOpen(key)}>
          {key.name}
        </Button>
      </td>
      <td className="key-cell">
        <code className="key-cell__line key-chip" title={publicKeyPart(key)}>{`${publicKeyPart(key)}…`}</code>
        {replacedBy ? (
          <RotationLink label="Replaced by" target={replacedBy} onJump={() => onJump(replacedBy.id)} />
        ) : null}
        {replaces ? <RotationLink label="Replaces" target={replaces} onJump={() => onJump(replaces.id)} /> : null}
      </td>
      <td>
        <Scopes scopes={key.scopes} />
      </td>
      <td>
        <TimeText iso={key.createdAt} now={now} />
      </td>
      <td>
        {/* A revoked key's expiry no longer matters: when it was revoked does. */}
        {key.status === 'revoked' && key.revokedAt ? (
          <span className="key-revoked-at">
            Revoked <TimeText iso={key.revokedAt} now={now} />
          </span>
        ) : key.expiresAt === null ? (
          <span className="never-expires">
            <TriangleAlert size={14} aria-hidden="true" /> Never expires
          </span>
        ) : (
          <TimeText iso={key.expiresAt} now={now} />
        )}
      </td>
      <td>
        {key.lastUsedAt === null ? (
          <span className="muted">Never used</span>
        ) : (
          <TimeText iso={key.lastUsedAt} now={now} />
        )}
        {key.unused ? (
          <span
            className="key-cell__line key-unused"
            title={`Verified nowhere (here or by a service whose usage was imported) for ${UNUSED_AFTER_DAYS} days: consider revoking it.`}
          >
            {/* "Unused" fits the column at 1024 px; the rest is read out and shown on hover. */}
            Unused<span className="visually-hidden"> for {UNUSED_AFTER_DAYS}+ days</span>
          </span>
        ) : null}
      </td>
      <td className="key-cell">
        <StatusBadge status={key.status} />
        {key.status === 'expiring_soon' && key.expiresAt ? (
          <span className="key-cell__line key-expiring" title={`Expires ${formatAbsolute(key.expiresAt)}`}>
            expires {formatRelative(key.expiresAt, now)}
          </span>
        ) : null}
        {inGrace && key.graceEndsAt ? (
          <span className="key-cell__line key-grace" title={`Keeps working until ${formatAbsolute(key.graceEndsAt)}`}>
            {/* "until tomorrow 2:05 AM" fits the column; read in full as "works until …". */}
            <span className="visually-hidden">works </span>until {formatCompact(key.graceEndsAt, now)}
          </span>
        ) : null}
      </td>
      <td className="keys-table__actions">
        {/* The icons show (and the words only to screen readers) when the table is narrow. */}
        {actions.rotate ? (
          <Button size="sm" icon={RefreshCw} title="Rotate" aria-describedby={nameId} onClick={() => onRotate(key)}>
            <span className="keys-table__action-label">Rotate</span>
          </Button>
        ) : null}
        {actions.revoke ? (
          <Button size="sm" icon={Ban} title="Revoke" aria-describedby={nameId} onClick={() => onRevoke(key)}>
            <span className="keys-table__action-label">Revoke</span>
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
