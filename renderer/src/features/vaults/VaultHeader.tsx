import { Lock, LockOpen, Pencil, Plus, Share2, Trash2, Upload } from 'lucide-react';
import { useId } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';

interface VaultHeaderProps {
  vault: VaultSummary;
  /** Ticked rows: Export then exports only those. */
  selectedCount: number;
  /** Add key is shown here only once the vault has entries; an empty vault offers it in its empty state. */
  showAddKey: boolean;
  lockBusy: boolean;
  lockedHintId: string;
  onLockToggle: () => void;
  onRename: () => void;
  onDelete: () => void;
  onExport: () => void;
  onAddKey: () => void;
  /** Share with a team (issue 15): offered for a vault not shared yet. */
  onShare: () => void;
}

/** The chosen vault's name and state, and what can be done to it. */
export function VaultHeader(props: VaultHeaderProps) {
  const { vault, selectedCount, lockedHintId } = props;
  const headingId = useId();
  const exportHintId = useId();
  const locked = vault.locked;
  const readOnlyHintId = useId();
  // A read-only team member's changes are never sent: adding a key here would only ever be local.
  const readOnly = vault.team?.readOnly === true;
  return (
    <div className="vault-header">
      <div className="vault-header__titles">
        <h2 id={headingId} className="vault-header__name" tabIndex={-1}>
          {vault.name}
        </h2>
        <span className={`vault-state${locked ? ' vault-state--locked' : ''}`}>
          {locked ? <Lock size={14} aria-hidden="true" /> : <LockOpen size={14} aria-hidden="true" />}
          {locked ? 'Locked' : 'Unlocked'}
        </span>
      </div>
      <div className="vault-header__actions" role="group" aria-labelledby={headingId}>
        <Button size="sm" icon={locked ? LockOpen : Lock} busy={props.lockBusy} onClick={props.onLockToggle}>
          {locked ? 'Unlock' : 'Lock'}
        </Button>
        <Button size="sm" icon={Pencil} onClick={props.onRename}>
          Rename
        </Button>
        <Button size="sm" icon={Trash2} onClick={props.onDelete}>
          Delete
        </Button>
        <Button
          size="sm"
          icon={Upload}
          disabled={locked || vault.entryCount === 0}
          aria-describedby={locked ? lockedHintId : selectedCount > 0 ? exportHintId : undefined}
          onClick={props.onExport}
        >
          Export
        </Button>
        {vault.team === undefined ? (
          <Button size="sm" icon={Share2} onClick={props.onShare}>
            Share with a team
          </Button>
        ) : null}
        {selectedCount > 0 ? (
          <span id={exportHintId} className="visually-hidden">
            Exports the {selectedCount} selected {selectedCount === 1 ? 'entry' : 'entries'}
          </span>
        ) : null}
        {props.showAddKey ? (
          <Button
            size="sm"
            variant="primary"
            icon={Plus}
            disabled={locked || readOnly}
            aria-describedby={locked ? lockedHintId : readOnly ? readOnlyHintId : undefined}
            onClick={props.onAddKey}
          >
            Add key
          </Button>
        ) : null}
        {readOnly ? (
          <span id={readOnlyHintId} className="visually-hidden">
            You are a read-only member of this team vault.
          </span>
        ) : null}
      </div>
    </div>
  );
}
