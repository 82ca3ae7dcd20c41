import { useEffect, useState, type FormEvent } from 'react';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SkeletonRows } from '../../components/Loading';
import { LockSettingsFields } from './LockSettingsFields';
import { parseLockSettings, valuesOf, type LockSettingsErrors, type LockSettingsValues } from './lock-settings-form';

/**
 * Lock settings: auto-lock after idle, lock on screen lock or sleep, and when a copied key leaves the
 * clipboard. One dialog from loading to saving, so focus stays put when the settings arrive.
 */
export function LockSettingsDialog({ onClose }: { onClose: () => void }) {
  const [values, setValues] = useState<LockSettingsValues | null>(null);
  const [errors, setErrors] = useState<LockSettingsErrors>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void client.vaults.settings().then((result) => {
      if (!live) return;
      if (isFailure(result)) setFailure(result);
      else setValues(valuesOf(result));
    });
    return () => {
      live = false;
    };
  }, []);

  const change = (patch: Partial<LockSettingsValues>) => {
    setValues((v) => (v ? { ...v, ...patch } : v));
    setErrors({});
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !values) return;
    const parsed = parseLockSettings(values);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      const first = parsed.errors.autoLockMinutes ? 'autoLockMinutes' : 'clipboardClearSeconds';
      document.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await client.vaults.updateSettings(parsed.settings);
    setBusy(false);
    if (isFailure(result)) setFailure(result);
    else onClose();
  };

  return (
    <Dialog
      title="Lock settings"
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!values}>
            {busy ? 'Saving…' : 'Save settings'}
          </Button>
        </>
      }
    >
      {failure ? (
        <Banner tone="danger" title={values ? 'The settings were not saved' : 'Keyhaven could not load the settings'}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      {values ? (
        <LockSettingsFields values={values} errors={errors} onChange={change} />
      ) : failure ? null : (
        <SkeletonRows label="Loading lock settings…" rows={2} />
      )}
    </Dialog>
  );
}
