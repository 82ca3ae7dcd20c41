import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { ExportVaultDialog } from '../vault-transfer/ExportVaultDialog';
import { AddKeyDialog } from './AddKeyDialog';
import { DeleteEntryDialog, DeleteVaultDialog } from './DeleteDialogs';
import { EditEntryDialog } from './EditEntryDialog';
import { ShowEntryDialog } from './ShowEntryDialog';
import { VaultNameDialog } from './VaultNameDialog';

export type PanelDialog =
  { kind: 'add' | 'rename' | 'deleteVault' | 'export' } | { kind: 'show' | 'edit' | 'delete'; entryId: string };

interface VaultDialogsProps {
  dialog: PanelDialog | null;
  vault: VaultSummary;
  /** The vault's entries as the store has them now, so a dialog shows the latest history. */
  entries: readonly EntryView[];
  selectedIds: string[];
  onClose: () => void;
}

/** The one dialog the vault panel has open, if any. */
export function VaultDialogs({ dialog, vault, entries, selectedIds, onClose }: VaultDialogsProps) {
  if (!dialog) return null;
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
  }
  // An entry deleted meanwhile (elsewhere) closes its dialog.
  const entry = entries.find((candidate) => candidate.id === dialog.entryId);
  if (!entry) return null;
  if (dialog.kind === 'show') return <ShowEntryDialog entry={entry} onClose={onClose} />;
  if (dialog.kind === 'edit') return <EditEntryDialog entry={entry} onClose={onClose} />;
  return <DeleteEntryDialog entry={entry} onClose={onClose} />;
}
