import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiFailure } from '../../api/client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';

/** Asks for a name: Save as, Rename and New folder use it; `children` adds fields (Save as: where). */
export function NameDialog(props: {
  title: string;
  submitLabel: string;
  initial?: string;
  children?: ReactNode;
  onClose: () => void;
  onSubmit: (name: string) => Promise<ApiFailure | null>;
}) {
  const [name, setName] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setFailure('Enter a name.');
      return;
    }
    setBusy(true);
    const result = await props.onSubmit(name.trim());
    setBusy(false);
    if (result) setFailure(result.message);
  };
  return (
    <Dialog
      title={props.title}
      onClose={busy ? undefined : props.onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {props.submitLabel}
          </Button>
        </>
      }
    >
      <TextField
        label="Name"
        name="saved-name"
        value={name}
        error={failure ?? undefined}
        onChange={(event) => setName(event.target.value)}
      />
      {props.children}
    </Dialog>
  );
}
