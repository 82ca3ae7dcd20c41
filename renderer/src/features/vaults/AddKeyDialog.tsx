import { useState, type FormEvent } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useVaults } from '../../stores/vaults-store';
import { EMPTY_ENTRY_FORM, toNewEntryInput } from './entry-form';
import { guardedFooter, useDiscardGuard } from './DiscardKeyPrompt';
import { EntryFields } from './EntryFields';
import { PastedKeyField } from './PastedKeyField';
import { useEntryForm } from './use-entry-form';

/**
 * Add key: paste an external key into a vault. The pasted text goes to main as it is (main splits a
 * header off too), with the scheme the form shows, so what the user saw is what is stored.
 */
export function AddKeyDialog({ vault, onClose }: { vault: VaultSummary; onClose: () => void }) {
  const addEntry = useVaults((s) => s.addEntry);
  const form = useEntryForm(EMPTY_ENTRY_FORM, 'add');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const guard = useDiscardGuard(form.values.secret.trim() !== '', onClose);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !form.validateForSubmit()) return;
    setBusy(true);
    setFailure(null);
    const result = await addEntry(toNewEntryInput(vault.id, form.values));
    setBusy(false);
    if (!isFailure(result)) return onClose();
    if (result.code === 'CONFLICT') form.setServerError('name', result.message);
    else setFailure(result);
  };

  return (
    <Dialog
      title={`Add key to ${vault.name}`}
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
            {busy ? 'Adding…' : 'Add key'}
          </Button>
        </>,
      )}
    >
      {failure ? (
        <Banner tone="danger" title="The key was not added">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField label="Name" placeholder="Pyas production" {...form.field('name')} />
      <PastedKeyField
        form={form}
        label="Key"
        hint="Paste the key, or the whole header line (Authorization: Bearer …) as the service shows it."
      />
      <EntryFields form={form} />
    </Dialog>
  );
}
