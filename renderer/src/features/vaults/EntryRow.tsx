import { ClipboardType, Copy, Eye, Pencil, Send, Star, Trash2, type LucideIcon } from 'lucide-react';
import type { MouseEvent } from 'react';
import { describeScheme } from '../../../../shared/catalogs/service-presets';
import type { EntryView } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { needsRotation, RotateAdviceBadge } from '../team-vaults/RotateAdviceBadge';
import { TimeText } from '../../components/RelativeTime';
import { useNavigation } from '../../stores/navigation-store';
import type { CopyNotice } from './copy-notice';
import { CopyNoticeLine } from './CopyFeedback';
import type { CopyFormat } from './use-copy-entry';
import { READ_ONLY_REASON } from '../team-vaults/team-words';
import './entry-filters.css';

export interface EntryRowActions {
  onShow: (entry: EntryView) => void;
  onCopy: (entry: EntryView, format: CopyFormat) => void;
  onEdit: (entry: EntryView) => void;
  onDelete: (entry: EntryView) => void;
  onSelect: (id: string, selected: boolean) => void;
  /** Star or unstar: metadata only, so it works while the vault is locked. */
  onFavorite: (entry: EntryView, favorite: boolean) => void;
  /** The vault is locked: unlock it as Unlock does (asking for the passphrase if set), then Show. */
  onUnlockToShow: (entry: EntryView) => void;
}

interface EntryRowProps extends EntryRowActions {
  entry: EntryView;
  now: number;
  rowIndex: number;
  selected: boolean;
  locked: boolean;
  /** A read-only team member's vault: Edit and Delete are disabled, saying why. */
  readOnly: boolean;
  /** This row's Copy notice, shown beside its buttons while it lasts. */
  copyNotice: CopyNotice | null;
}

/** An icon button whose name says what it does to which entry: "Copy Pyas prod". */
function RowAction(props: {
  icon: LucideIcon;
  label: string;
  entry: EntryView;
  onClick: () => void;
  /** Why the action cannot be taken here: the button is disabled and says so (title and description). */
  disabledReason?: string;
}) {
  return (
    <Button
      size="sm"
      variant="ghost"
      icon={props.icon}
      title={props.disabledReason ?? props.label}
      aria-label={`${props.label} ${props.entry.name}`}
      aria-description={props.disabledReason}
      disabled={props.disabledReason !== undefined}
      onClick={props.onClick}
      className="entry-row__action"
    />
  );
}

/** The star before the name: a toggle whose pressed state says whether the entry is a favourite. */
function FavoriteToggle({ entry, onToggle }: { entry: EntryView; onToggle: EntryRowActions['onFavorite'] }) {
  return (
    <Button
      size="sm"
      variant="ghost"
      className={entry.favorite ? 'entry-star entry-star--on' : 'entry-star'}
      aria-pressed={entry.favorite}
      aria-label={`Favourite ${entry.name}`}
      title={entry.favorite ? 'Remove from favourites' : 'Add to favourites'}
      onClick={() => onToggle(entry, !entry.favorite)}
    >
      {/* Filled when starred, so the state does not rest on colour alone. */}
      <Star size={16} aria-hidden="true" fill={entry.favorite ? 'currentColor' : 'none'} />
    </Button>
  );
}

/** On hover: the full text as a tooltip, only while the element cuts it off with an ellipsis. */
function titleWhenCut(text: string) {
  return (event: MouseEvent<HTMLElement>) => {
    const element = event.currentTarget;
    if (element.scrollWidth > element.clientWidth) element.title = text;
    else element.removeAttribute('title');
  };
}

/** A one-line cell of text, ending in an ellipsis (with the full text on hover) when it is too long. */
function TextCell({ text }: { text: string }) {
  return (
    <td>
      <span className="entries-table__text" onMouseEnter={titleWhenCut(text)}>
        {text}
      </span>
    </td>
  );
}

/**
 * One entry, on one fixed-height row (ENTRY_ROW_HEIGHT): every cell is one line, except Name, which
 * has a short second line for keys issued by Keyhaven, and the star before the name. Show and Copy need the vault unlocked: while it
 * is locked, "Unlock to show" takes their place.
 */
export function EntryRow({ entry, now, rowIndex, selected, locked, readOnly, copyNotice, ...actions }: EntryRowProps) {
  const readOnlyReason = readOnly ? READ_ONLY_REASON : undefined;
  const expired = entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now;
  return (
    <tr className="entries-table__row" aria-rowindex={rowIndex} data-entry-id={entry.id}>
      <td className="entries-table__select">
        <input
          type="checkbox"
          aria-label={`Select ${entry.name}`}
          checked={selected}
          onChange={(event) => actions.onSelect(entry.id, event.target.checked)}
        />
      </td>
      <td className="entries-table__name">
        <div className="entry-name">
          <FavoriteToggle entry={entry} onToggle={actions.onFavorite} />
          <div className="entry-name__text">
            <span className="entries-table__line entries-table__strong" title={entry.name}>
              {entry.name}
            </span>
            {needsRotation(entry) ? (
              <span className="entries-table__sub">
                <RotateAdviceBadge entry={entry} compact />
              </span>
            ) : entry.kind === 'issued' ? (
              <span className="entries-table__sub" title={entry.scopes.join('\n')}>
                Issued by Keyhaven · {entry.appName ?? 'an app'}
              </span>
            ) : null}
          </div>
        </div>
      </td>
      <TextCell text={entry.service} />
      <TextCell text={describeScheme(entry.scheme)} />
      {entry.tags.length > 0 ? (
        <TextCell text={entry.tags.join(', ')} />
      ) : (
        <td>
          <span className="entries-table__none" aria-hidden="true">
            —
          </span>
          <span className="visually-hidden">No tags</span>
        </td>
      )}
      <td className={expired ? 'entries-table__expired' : undefined}>
        {entry.expiresAt === null ? (
          <span className="muted">No expiry</span>
        ) : (
          <>
            {expired ? <span className="visually-hidden">Expired </span> : null}
            <TimeText iso={entry.expiresAt} now={now} />
          </>
        )}
      </td>
      <td>
        <TimeText iso={entry.updatedAt} now={now} />
      </td>
      <td className="entries-table__actions">
        {copyNotice ? (
          <CopyNoticeLine
            key={copyNotice.state === 'failed' ? 'failed' : copyNotice.copyId}
            notice={copyNotice}
            className="entry-row__copied"
          />
        ) : null}
        <div className="entries-table__buttons">
          {locked ? (
            <Button
              size="sm"
              variant="ghost"
              className="entry-row__unlock"
              aria-label={`Unlock to show ${entry.name}`}
              onClick={() => actions.onUnlockToShow(entry)}
            >
              Unlock to show
            </Button>
          ) : (
            <>
              <RowAction icon={Eye} label="Show" entry={entry} onClick={() => actions.onShow(entry)} />
              <RowAction icon={Copy} label="Copy" entry={entry} onClick={() => actions.onCopy(entry, 'value')} />
              <RowAction
                icon={ClipboardType}
                label="Copy as header"
                entry={entry}
                onClick={() => actions.onCopy(entry, 'header')}
              />
            </>
          )}
          <RowAction
            icon={Send}
            label="Test this key"
            entry={entry}
            onClick={() => useNavigation.getState().goToConsole(entry.id)}
          />
          <RowAction
            icon={Pencil}
            label="Edit"
            entry={entry}
            onClick={() => actions.onEdit(entry)}
            disabledReason={readOnlyReason}
          />
          <RowAction
            icon={Trash2}
            label="Delete"
            entry={entry}
            onClick={() => actions.onDelete(entry)}
            disabledReason={readOnlyReason}
          />
        </div>
      </td>
    </tr>
  );
}
