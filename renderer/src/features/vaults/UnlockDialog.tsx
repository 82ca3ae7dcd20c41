import { useEffect, useRef, useState, type FormEvent } from 'react';
import { unlockVaultInputSchema } from '../../../../shared/domain/vault-lock';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import '../../lib/zod-jitless';
import { useUnlock, type UnlockRequest } from '../../stores/unlock-store';
import { useVaults } from '../../stores/vaults-store';

const enteredPassphrase = unlockVaultInputSchema.shape.passphrase.unwrap();
/** Answers about the passphrase itself: shown under the field, which is selected for another try. */
const PASSPHRASE_CODES: ReadonlySet<string> = new Set(['WRONG_PASSPHRASE', 'PASSPHRASE_REQUIRED', 'INVALID_INPUT']);
/** The keychain's own problems have their banners on the Vaults screen. */
const KEYCHAIN_CODES: ReadonlySet<string> = new Set(['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_DATA_MISSING']);

/** The Unlock dialog, while a vault waits for the Keyhaven passphrase (unlock-store.ts). */
export function UnlockPrompt() {
  const request = useUnlock((s) => s.request);
  // Leaving the screen drops the request: the dialog never comes back on its own later.
  useEffect(() => () => useUnlock.getState().finish(), []);
  return request ? <UnlockDialog key={request.vaultId} request={request} /> : null;
}

function UnlockDialog({ request }: { request: UnlockRequest }) {
  const unlock = useVaults((s) => s.unlock);
  const finish = useUnlock((s) => s.finish);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement | null>(null);

  const retry = (message: string) => {
    setError(message);
    // What was typed stays, selected: the next keystroke replaces it.
    field.current?.focus();
    field.current?.select();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const checked = enteredPassphrase.safeParse(passphrase);
    if (!checked.success) return retry(checked.error.issues[0]?.message ?? 'Enter your Keyhaven passphrase.');
    setBusy(true);
    setFailure(null);
    const result = await unlock(request.vaultId, passphrase);
    setBusy(false);
    if (!isFailure(result)) {
      finish();
      request.then?.();
    } else if (PASSPHRASE_CODES.has(result.code)) retry(result.message);
    else if (KEYCHAIN_CODES.has(result.code)) finish();
    else setFailure(result);
  };

  return (
    <Dialog
      title="Unlock Keyhaven"
      onClose={busy ? undefined : finish}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={finish} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </Button>
        </>
      }
    >
      <p>Your vaults are protected by your Keyhaven passphrase. Enter it to unlock “{request.vaultName}”.</p>
      {failure ? (
        <Banner tone="danger" title="The vault is still locked">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField
        label="Keyhaven passphrase"
        name="passphrase"
        type="password"
        autoFocus
        value={passphrase}
        error={error}
        ref={(element) => {
          field.current = element instanceof HTMLInputElement ? element : null;
        }}
        onChange={(event) => {
          setPassphrase(event.target.value);
          setError(undefined);
        }}
      />
    </Dialog>
  );
}
