import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { ShareTeamDialog } from '../team-vaults/ShareTeamDialog';
import { ExportVaultDialog } from '../vault-transfer/ExportVaultDialog';
import { AddKeyDialog } from './AddKeyDialog';
import type { TransferMode } from '../../../../shared/domain/entry-actions';
import { BulkTagDialog } from './BulkTagDialog';
import { DeleteEntriesDialog, DeleteEntryDialog, DeleteVaultDialog } from './DeleteDialogs';
import { TransferEntriesDialog } from './TransferEntriesDialog';
import { EditEntryDialog } from './EditEntryDialog';
import { VaultNameDialog } from './VaultNameDialog';

export type PanelDialog =
  | { kind: 'add' | 'rename' | 'deleteVault' | 'export' | 'share' | 'bulkTransfer' | 'bulkTag' | 'bulkDelete' }
  | { kind: 'edit' | 'delete'; entryId: string };

interface VaultDialogsProps {
  dialog: PanelDialog | null;
  vault: VaultSummary;
  /** The vault's entries as the store has them now, so a dialog shows the latest history. */
  entries: readonly EntryView[];
  selectedIds: string[];
  onClose: () => void;
  /** A bulk action's result line ("Tags added prod on 3 keys."). */
  onBulkDone: (text: string) => void;
  /** Move or copy the selected entries (use-entry-transfer.ts), once the dialog has closed. */
  onTransfer: (toVaultId: string, mode: TransferMode) => void;
}

/** The one dialog the vault panel has open, if any. */
export function VaultDialogs(props: VaultDialogsProps) {
  const { dialog, vault, entries, selectedIds, onClose } = props;
  if (!dialog) return null;
  const selected = () => {
    const chosen = new Set(selectedIds); // a Set: includes() per entry was quadratic on a large vault
    return entries.filter((entry) => chosen.has(entry.id));
  };
  switch (dialog.kind) {
    case 'add':
      return <AddKeyDialog vault={vault} onClose={onClose} />;
    case 'rename':
      return <VaultNameDialog vault={vault} onClose={onClose} onDone={onClose} />;
    case 'deleteVault':
      return <DeleteVaultDialog vault={vault} onClose={onClose} />;
    case 'export':
      return (
        <ExportVaultDialog
          vault={vault}
          {...(selectedIds.length > 0 ? { entryIds: selectedIds } : {})}
          onClose={onClose}
        />
      );
    case 'share':
      return <ShareTeamDialog vault={vault} onClose={onClose} />;
    case 'bulkTransfer':
      return <TransferEntriesDialog entries={selected()} from={vault} onClose={onClose} onConfirm={props.onTransfer} />;
    case 'bulkTag':
      return <BulkTagDialog entries={selected()} onClose={onClose} onDone={props.onBulkDone} />;
    case 'bulkDelete':
      return <DeleteEntriesDialog entries={selected()} onClose={onClose} />;
  }
  // An entry deleted meanwhile (elsewhere) closes its dialog.
  const entry = entries.find((candidate) => candidate.id === dialog.entryId);
  if (!entry) return null;
  if (dialog.kind === 'edit') return <EditEntryDialog entry={entry} onClose={onClose} />;
  return <DeleteEntryDialog entry={entry} onClose={onClose} />;
}
