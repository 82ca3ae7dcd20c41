import type { TransferMode } from '../../../../shared/domain/entry-actions';
import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { isFailure } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNavigation } from '../../stores/navigation-store';
import { useVaults } from '../../stores/vaults-store';
import { DeleteEntryDialog } from '../vaults/DeleteDialogs';
import { EditEntryDialog } from '../vaults/EditEntryDialog';
import { TransferEntriesDialog } from '../vaults/TransferEntriesDialog';

export type EntryPageDialog = { kind: 'edit' | 'delete' | 'transfer' } | { kind: 'restore'; version: number };

interface EntryPageDialogsProps {
  dialog: EntryPageDialog | null;
  entry: EntryView;
  vault: VaultSummary;
  onClose: () => void;
  onRestored: (text: string) => void;
  onTransfer: (toVaultId: string, mode: TransferMode) => void;
}

/** The one dialog the entry page has open, if any. */
export function EntryPageDialogs({ dialog, entry, vault, onClose, onRestored, onTransfer }: EntryPageDialogsProps) {
  const restoreVersion = useVaults((s) => s.restoreVersion);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'edit':
      return <EditEntryDialog entry={entry} onClose={onClose} />;
    case 'delete':
      // Deleted: back to the table, where the Undo offer is.
      return (
        <DeleteEntryDialog entry={entry} onClose={onClose} onDeleted={() => useNavigation.getState().closeEntry()} />
      );
    case 'transfer':
      return <TransferEntriesDialog entries={[entry]} from={vault} onClose={onClose} onConfirm={onTransfer} />;
    case 'restore': {
      const next = entry.secretVersion + 1;
      return (
        <ConfirmDialog
          title="Restore a previous key"
          confirmLabel={`Restore version ${dialog.version}`}
          busyLabel="Restoring…"
          failureTitle="The key was not restored"
          onConfirm={async () => {
            const result = await restoreVersion(entry.id, dialog.version);
            if (isFailure(result)) return result;
            onRestored(`Version ${dialog.version} is the current key again, as version ${next}.`);
            onClose();
            return null;
          }}
          onClose={onClose}
        >
          <p>
            Make version {dialog.version} of “{entry.name}” the current key? It becomes version {next}; the current key
            (version {entry.secretVersion}) is kept in the history, so nothing is lost.
          </p>
        </ConfirmDialog>
      );
    }
  }
}
