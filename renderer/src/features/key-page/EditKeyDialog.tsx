import { useCallback, useState, type FormEvent } from 'react';
import { updateKeyInputSchema, type IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';
import { useKeys } from '../../stores/keys-store';

const FIELDS = ['name', 'note'] as const;

/** Rename a key and write a note about it; checked with the schema main validates with. */
export function EditKeyDialog({ target, onClose }: { target: IssuedKeySummary; onClose: () => void }) {
  const update = useKeys((s) => s.update);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const check = useCallback(
    (values: Record<(typeof FIELDS)[number], string>) =>
      fieldErrors(updateKeyInputSchema, { id: target.id, ...values }, FIELDS),
    [target.id],
  );
  const form = useForm(FIELDS, { name: target.name, note: target.note }, check);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !form.validateForSubmit()) return;
    setBusy(true);
    setFailure(null);
    const result = await update({ id: target.id, name: form.values.name, note: form.values.note });
    setBusy(false);
    if (isFailure(result)) return setFailure(result);
    onClose();
  };

  return (
    <Dialog
      title="Rename or note API key"
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Saving…' : 'Save'}
          </Button>
        </>
      }
    >
      {failure ? (
        <Banner tone="danger" title="The key was not changed">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField label="API key name" autoFocus {...form.field('name')} />
      <TextField
        label="Note"
        multiline
        {...form.field('note')}
        hint="What uses this key, or whom to ask about it. Never paste a secret here: notes are shown in clear."
      />
    </Dialog>
  );
}
