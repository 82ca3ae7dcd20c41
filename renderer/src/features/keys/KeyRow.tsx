import { TriangleAlert } from 'lucide-react';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { TimeText } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { publicKeyPart } from '../../lib/key-display';
import { formatAbsolute, formatCompact } from '../../lib/time';
import { actionsFor } from './key-table-model';

/** A key's row, when it is rendered: where focus returns after a dialog changed the key. */
export const keyRowElement = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`tr[data-key-id="${CSS.escape(id)}"]`);

export interface KeyRowActions {
  onRotate: (key: IssuedKeySummary) => void;
  onRevoke: (key: IssuedKeySummary) => void;
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

/** "Replaced by pyas_s66v…": the other key of a rotation, short; its full id is the button's name. */
function RotationLink({ label, target, onJump }: { label: string; target: IssuedKeySummary; onJump: () => void }) {
  const full = publicKeyPart(target);
  return (
    <span className="key-link">
      {label}{' '}
      <Button variant="link" size="sm" aria-label={full} title={`Go to ${full}`} onClick={onJump}>
        <code>{`${target.keyPrefix}_${target.keyId.slice(0, 4)}…`}</code>
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

/** One key: every cell fits the fixed row height the virtualizer relies on. */
export function KeyRow({ row: key, byId, now, rowIndex, highlighted, onRotate, onRevoke, onJump }: KeyRowProps) {
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
        {key.name}
      </td>
      <td>
        <code className="key-chip">{`${publicKeyPart(key)}…`}</code>
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
        {key.expiresAt === null ? (
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
      </td>
      <td>
        <StatusBadge status={key.status} />
        {inGrace && key.graceEndsAt ? (
          <span className="key-link" title={`Keeps working until ${formatAbsolute(key.graceEndsAt)}`}>
            works until {formatCompact(key.graceEndsAt, now)}
          </span>
        ) : null}
      </td>
      <td className="keys-table__actions">
        {actions.rotate ? (
          <Button size="sm" aria-describedby={nameId} onClick={() => onRotate(key)}>
            Rotate
          </Button>
        ) : null}
        {actions.revoke ? (
          <Button size="sm" aria-describedby={nameId} onClick={() => onRevoke(key)}>
            Revoke
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
