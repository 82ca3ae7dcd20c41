import { useCallback, useState, type FormEvent } from 'react';
import { createVaultInputSchema, type VaultSummary } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';
import { useVaults } from '../../stores/vaults-store';

const FIELDS = ['name'] as const;

interface VaultNameDialogProps {
  /** The vault to rename; without it, a new vault is created. */
  vault?: VaultSummary;
  onClose: () => void;
  /** Called with the created or renamed vault. */
  onDone: (vault: VaultSummary) => void;
}

/** New vault and Rename: one name field; a name already taken (CONFLICT) is shown under the field. */
export function VaultNameDialog({ vault, onClose, onDone }: VaultNameDialogProps) {
  const create = useVaults((s) => s.create);
  const rename = useVaults((s) => s.rename);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const check = useCallback((values: { name: string }) => fieldErrors(createVaultInputSchema, values, FIELDS), []);
  const form = useForm(FIELDS, { name: vault?.name ?? '' }, check);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !form.validateForSubmit()) return;
    setBusy(true);
    setFailure(null);
    const result = vault ? await rename(vault.id, form.values.name) : await create(form.values.name);
    setBusy(false);
    if (!isFailure(result)) return onDone(result);
    if (result.code === 'CONFLICT') form.setServerError('name', result.message);
    else setFailure(result);
  };

  const verb = vault ? 'Rename' : 'Create vault';
  return (
    <Dialog
      title={vault ? `Rename ${vault.name}` : 'New vault'}
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? (vault ? 'Renaming…' : 'Creating…') : verb}
          </Button>
        </>
      }
    >
      {failure ? (
        <Banner tone="danger" title={vault ? 'The vault was not renamed' : 'The vault was not created'}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField
        label="Vault name"
        hint={vault ? undefined : 'Keyhaven keeps a new key for this vault in the system keychain.'}
        {...form.field('name')}
      />
    </Dialog>
  );
}
