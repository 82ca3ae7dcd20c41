import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useVaults } from '../../stores/vaults-store';

const entries = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'}`;

/** The confirmation names how many entries go with the vault. */
export function deleteVaultQuestion(vault: VaultSummary): string {
  const what = vault.entryCount === 0 ? '' : ` and its ${entries(vault.entryCount)}`;
  return `Delete the vault "${vault.name}"${what}? This cannot be undone.`;
}

export function DeleteVaultDialog({ vault, onClose }: { vault: VaultSummary; onClose: () => void }) {
  const remove = useVaults((s) => s.remove);
  return (
    <ConfirmDialog
      title="Delete vault"
      tone="danger"
      confirmLabel="Delete vault"
      busyLabel="Deleting…"
      failureTitle="The vault was not deleted"
      onConfirm={async () => {
        const failure = await remove(vault.id);
        if (!failure) onClose();
        return failure;
      }}
      onClose={onClose}
    >
      <p>{deleteVaultQuestion(vault)}</p>
      <p className="muted">
        Its key is removed from the system keychain too. An export made earlier can still be imported.
      </p>
    </ConfirmDialog>
  );
}

interface DeleteEntryDialogProps {
  entry: EntryView;
  onClose: () => void;
  /** After the delete (the entry's page goes back to the table, where Undo is offered). */
  onDeleted?: () => void;
}

export function DeleteEntryDialog({ entry, onClose, onDeleted }: DeleteEntryDialogProps) {
  const deleteEntry = useVaults((s) => s.deleteEntry);
  return (
    <ConfirmDialog
      title="Delete key"
      tone="danger"
      confirmLabel="Delete key"
      busyLabel="Deleting…"
      failureTitle="The key was not deleted"
      onConfirm={async () => {
        const failure = await deleteEntry(entry);
        if (!failure) {
          onClose();
          onDeleted?.();
        }
        return failure;
      }}
      onClose={onClose}
    >
      <p>
        Delete “{entry.name}” ({entry.service}) from this vault, with its history? You can undo it for a few seconds.
      </p>
      {entry.kind === 'issued' ? (
        <p className="muted">The issued key itself keeps working. Revoke it on its app if it should stop.</p>
      ) : null}
    </ConfirmDialog>
  );
}

/** The names of the first few, then how many more: the confirmation says what goes. */
function namesOf(entries: readonly EntryView[]): string {
  const shown = entries.slice(0, 5).map((entry) => `“${entry.name}”`);
  const more = entries.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more.toLocaleString('en')} more` : shown.join(', ');
}

/** Bulk delete: every ticked entry, with one Undo for them all. */
export function DeleteEntriesDialog({
  entries: chosen,
  onClose,
}: {
  entries: readonly EntryView[];
  onClose: () => void;
}) {
  const deleteEntries = useVaults((s) => s.deleteEntries);
  const issued = chosen.filter((entry) => entry.kind === 'issued').length;
  return (
    <ConfirmDialog
      title={`Delete ${entries(chosen.length)}`}
      tone="danger"
      confirmLabel={`Delete ${entries(chosen.length)}`}
      busyLabel="Deleting…"
      failureTitle="Nothing was deleted"
      onConfirm={async () => {
        const failure = await deleteEntries(chosen);
        if (!failure) onClose();
        return failure;
      }}
      onClose={onClose}
    >
      <p>Delete {namesOf(chosen)} from this vault, with their history? You can undo it for a few seconds.</p>
      {issued > 0 ? (
        <p className="muted">Keys issued by Keyhaven keep working. Revoke them on their app if they should stop.</p>
      ) : null}
    </ConfirmDialog>
  );
}
