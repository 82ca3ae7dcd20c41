import { useState, type FormEvent } from 'react';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useLockStatus } from '../../stores/lock-status-store';
import {
  EMPTY_PASSPHRASE_VALUES,
  FIELDS_OF,
  checkPassphraseForm,
  type PassphraseErrors,
  type PassphraseField,
  type PassphraseMode,
  type PassphraseValues,
} from './passphrase-form';

const TITLES: Record<PassphraseMode, string> = {
  set: 'Set a Keyhaven passphrase',
  change: 'Change the Keyhaven passphrase',
  remove: 'Remove the Keyhaven passphrase',
};
const SUBMIT: Record<PassphraseMode, [idle: string, busy: string]> = {
  set: ['Set passphrase', 'Setting…'],
  change: ['Change passphrase', 'Changing…'],
  remove: ['Remove passphrase', 'Removing…'],
};
const NOT_DONE: Record<PassphraseMode, string> = {
  set: 'The passphrase was not set',
  change: 'The passphrase was not changed',
  remove: 'The passphrase was not removed',
};
const LABELS: Record<PassphraseField, string> = {
  current: 'Current passphrase',
  passphrase: 'New passphrase',
  confirm: 'Type the new passphrase again',
};
const HINTS: Partial<Record<PassphraseField, string>> = {
  passphrase: 'At least 10 characters. A few words are easy to type and hard to guess.',
};

/** The sentence that explains each mode's consequence. */
function Explanation({ mode }: { mode: PassphraseMode }) {
  if (mode === 'remove') {
    return (
      <p>
        Unlock will no longer ask for a passphrase, and vault data keys go back to being protected by the system
        keychain alone: anyone who can read your keychain item can open them.
      </p>
    );
  }
  return (
    <p>
      Unlock will ask for it every time. Vault data keys are also wrapped under a key derived from it with scrypt, so a
      copy of the keychain item alone no longer opens them. Keyhaven cannot recover a forgotten passphrase: keep it
      somewhere safe.
    </p>
  );
}

/**
 * Sets, changes or removes the Keyhaven passphrase. What is typed lives in this dialog only and is
 * gone when it closes; main re-wraps every vault's data key. Setting one also answers the first-run
 * offer, so it is not made again.
 */
export function PassphraseDialog({
  mode,
  onClose,
  onDone,
}: {
  mode: PassphraseMode;
  onClose: () => void;
  onDone: (mode: PassphraseMode) => void;
}) {
  const [values, setValues] = useState<PassphraseValues>(EMPTY_PASSPHRASE_VALUES);
  const [errors, setErrors] = useState<PassphraseErrors>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = FIELDS_OF[mode];

  const focus = (field: PassphraseField) => {
    const input = document.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    input?.focus();
    input?.select();
  };

  const send = (): Promise<null | ApiFailure> => {
    if (mode === 'remove') return client.vaults.removePassphrase({ current: values.current });
    return mode === 'change'
      ? client.vaults.setPassphrase({ passphrase: values.passphrase, current: values.current })
      : client.vaults.setPassphrase({ passphrase: values.passphrase });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = checkPassphraseForm(mode, values);
    const first = fields.find((field) => found[field]);
    setErrors(found);
    if (first) return focus(first);
    setBusy(true);
    setFailure(null);
    const result = await send();
    if (!isFailure(result) && mode === 'set') await client.vaults.updateSettings({ passphraseOffered: true });
    await useLockStatus.getState().load();
    setBusy(false);
    if (!isFailure(result)) return onDone(mode);
    // Main names the field at fault (a wrong current passphrase); anything else is said above the form.
    const field = fields.find((name) => name === result.field);
    if (field) {
      setErrors({ [field]: result.message });
      focus(field);
    } else setFailure(result);
  };

  const [idle, working] = SUBMIT[mode];
  return (
    <Dialog
      title={TITLES[mode]}
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={mode === 'remove' ? 'danger' : 'primary'} busy={busy}>
            {busy ? working : idle}
          </Button>
        </>
      }
    >
      <Explanation mode={mode} />
      {failure ? (
        <Banner tone="danger" title={NOT_DONE[mode]}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      {fields.map((field, index) => (
        <TextField
          key={field}
          label={LABELS[field]}
          name={field}
          type="password"
          autoFocus={index === 0}
          value={values[field]}
          error={errors[field]}
          hint={HINTS[field]}
          onChange={(event) => {
            const value = event.target.value;
            setValues((current) => ({ ...current, [field]: value }));
            setErrors((current) => ({ ...current, [field]: undefined }));
          }}
        />
      ))}
    </Dialog>
  );
}
