import { useState, type FormEvent } from 'react';
import type { TransferMode } from '../../../../shared/domain/entry-actions';
import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { useVaults } from '../../stores/vaults-store';

interface TransferEntriesDialogProps {
  entries: readonly EntryView[];
  from: VaultSummary;
  onClose: () => void;
  /** Runs the move or copy (use-entry-transfer.ts): the dialog closes first. */
  onConfirm: (toVaultId: string, mode: TransferMode) => void;
}

const MODES = [
  { value: 'move', label: 'Move', note: 'The keys leave this vault, with their history.' },
  { value: 'copy', label: 'Copy', note: 'The keys stay here too; each copy is a separate entry.' },
] as const;

/** Move or copy one entry, or the selected ones, to another vault. */
export function TransferEntriesDialog({ entries, from, onClose, onConfirm }: TransferEntriesDialogProps) {
  const others = useVaults((s) => s.vaults).filter((vault) => vault.id !== from.id);
  const [mode, setMode] = useState<TransferMode>('move');
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const chosen = others.find((vault) => vault.id === target);
  const what = entries.length === 1 && entries[0] ? `“${entries[0].name}”` : `${entries.length} keys`;
  const locked = [from, chosen].filter((vault): vault is VaultSummary => vault?.locked === true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    onClose();
    onConfirm(chosen.id, mode);
  };

  return (
    <Dialog
      title={entries.length === 1 ? 'Move or copy key' : 'Move or copy keys'}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!chosen}>
            {locked.length > 0 ? `Unlock and ${mode}` : mode === 'move' ? 'Move' : 'Copy'}
          </Button>
        </>
      }
    >
      {others.length === 0 ? (
        <p>There is no other vault. Create one with New vault, then move or copy keys into it.</p>
      ) : (
        <>
          <p>
            {mode === 'move' ? 'Move' : 'Copy'} {what} from {from.name} to:
          </p>
          <SelectField
            label="Vault"
            value={target}
            options={others.map((vault) => ({
              value: vault.id,
              label: vault.locked ? `${vault.name} (locked)` : vault.name,
            }))}
            onChange={setTarget}
          />
          <RadioGroup legend="How" name="transfer-mode" value={mode} options={MODES} onChange={setMode} />
          {locked.length > 0 ? (
            <p className="muted">
              {locked.map((vault) => vault.name).join(' and ')} {locked.length === 1 ? 'is' : 'are'} locked: Keyhaven
              asks to unlock {locked.length === 1 ? 'it' : 'them'} first, since each key is opened with one vault’s key
              and sealed again with the other’s.
            </p>
          ) : null}
          <p className="muted">A key whose name is taken in {chosen?.name ?? 'the other vault'} gets “(2)” after it.</p>
        </>
      )}
    </Dialog>
  );
}
