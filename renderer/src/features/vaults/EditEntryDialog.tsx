import { useId, useState, type FormEvent } from 'react';
import type { EntryView } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { selectVault, useVaults } from '../../stores/vaults-store';
import { formValuesOf, toUpdateInput } from './entry-form';
import { guardedFooter, useDiscardGuard } from './DiscardKeyPrompt';
import { EntryFields } from './EntryFields';
import { EntryHistory } from './EntryHistory';
import { IssuedNote } from './IssuedNote';
import { PastedKeyField } from './PastedKeyField';
import { useEntryForm } from './use-entry-form';

/**
 * Edit: the metadata (saved even while the vault is locked) and, when unlocked, a new key; the current
 * key then moves to the history below, where each previous version can be shown.
 */
export function EditEntryDialog({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const updateEntry = useVaults((s) => s.updateEntry);
  const locked = useVaults((s) => selectVault(entry.vaultId)(s)?.locked ?? true);
  const form = useEntryForm(formValuesOf(entry), 'edit');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const guard = useDiscardGuard(form.values.secret.trim() !== '', onClose);
  const lockedHintId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !form.validateForSubmit()) return;
    setBusy(true);
    setFailure(null);
    // A typed key is always sent, even if the vault locked meanwhile: main then answers LOCKED and
    // nothing is saved, rather than the metadata saving while the new key is silently dropped.
    const newKey = form.values.secret.trim() === '' ? null : form.values.secret;
    const result = await updateEntry(toUpdateInput(entry, form.values, newKey));
    setBusy(false);
    if (!isFailure(result)) return onClose();
    if (result.code === 'CONFLICT') form.setServerError('name', result.message);
    else setFailure(result);
  };

  return (
    <Dialog
      title={`Edit ${entry.name}`}
      size="lg"
      onClose={busy ? undefined : guard.requestClose}
      onSubmit={(event) => void submit(event)}
      footer={guardedFooter(
        guard,
        onClose,
        <>
          <Button onClick={guard.requestClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </Button>
        </>,
      )}
    >
      {failure ? (
        <Banner tone="danger" title="The changes were not saved">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      {entry.kind === 'issued' ? <IssuedNote entry={entry} /> : null}
      <TextField label="Name" {...form.field('name')} />
      {locked ? (
        <p id={lockedHintId} className="entry-form__locked">
          The vault is locked: you can change the details, but not the key. Unlock the vault to replace the key or show
          earlier versions.
        </p>
      ) : (
        <PastedKeyField
          form={form}
          label="New key (optional)"
          hint="Leave empty to keep the current key. A new key moves the current one to the history."
        />
      )}
      <EntryFields form={form} issued={entry.kind === 'issued' ? entry : undefined} />
      <EntryHistory entry={entry} lockedHintId={lockedHintId} />
    </Dialog>
  );
}
