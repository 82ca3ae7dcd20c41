import { CircleCheck, LockKeyhole } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { RotatedKey } from '../../../../shared/domain/issued-key';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { useSaveInVault } from './use-save-in-vault';

export const NO_VAULT_MESSAGE =
  'There is no vault to save this key in. You can create one on the Vaults screen; for now, store the key yourself and tick the box below.';

export const ROTATED_IN_VAULT =
  'The vault entry now holds the new key; the old key stays in its history until the grace period ends.';

export const savedMessage = (vaultName: string) => `Saved in the vault "${vaultName}".`;

/**
 * Cerby's "Save in vault" on the store page: "Select vault" only when there is more than one vault,
 * then one button. Saving counts as storing the key, so the caller ticks "I have stored the key".
 */
export function SaveInVault({ keyId, onSaved }: { keyId: string; onSaved: () => void }) {
  const { list, vaults, vault, choose, save, saving, savedIn, failure } = useSaveInVault(keyId, onSaved);
  const button = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLParagraphElement>(null);

  // The busy button was disabled under the pointer or keyboard, so focus fell to the page: bring it
  // to what happened (the confirmation), or back to the button to try again.
  useEffect(() => {
    if (savedIn) done.current?.focus();
  }, [savedIn]);
  useEffect(() => {
    if (failure && (document.activeElement === document.body || document.activeElement === null)) {
      button.current?.focus();
    }
  }, [failure]);

  if (list.kind === 'loading') return <p className="save-in-vault__note">Loading vaults…</p>;
  if (list.kind === 'failed') {
    return (
      <Banner tone="warning" title="Vaults could not be loaded" role="status">
        <p>{list.message} Store the key yourself and tick the box below.</p>
      </Banner>
    );
  }
  if (!vault) return <p className="save-in-vault__note">{NO_VAULT_MESSAGE}</p>;

  return (
    <div className="save-in-vault">
      {savedIn ? (
        <p ref={done} tabIndex={-1} role="status" className="save-in-vault__done">
          <CircleCheck size={16} aria-hidden="true" />
          {savedMessage(savedIn)}
        </p>
      ) : (
        <div className="save-in-vault__row">
          {vaults.length > 1 ? (
            <SelectField
              label="Select vault"
              value={vault.id}
              options={vaults.map((v) => ({ value: v.id, label: v.name }))}
              onChange={choose}
              className="save-in-vault__select"
            />
          ) : null}
          <Button ref={button} icon={LockKeyhole} busy={saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save in vault'}
          </Button>
        </div>
      )}
      {failure ? (
        <Banner tone="danger" title={failure.code === 'CONFLICT' ? 'Already in a vault' : 'Not saved in the vault'}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
    </div>
  );
}

/**
 * The vault part of a rotated key's store page: main already moved the entry that held the old key
 * to the new one (nothing to save), or says why it could not, and Save in vault is offered instead.
 */
export function RotatedKeyVault({
  keyId,
  vaultUpdate,
  onSaved,
}: {
  keyId: string;
  vaultUpdate: RotatedKey['vaultUpdate'];
  onSaved: () => void;
}) {
  if (vaultUpdate.updatedEntries > 0) {
    return (
      <Banner tone="info" role="status">
        <p>{ROTATED_IN_VAULT}</p>
      </Banner>
    );
  }
  return (
    <>
      {vaultUpdate.problem ? (
        // Main's text already says what was not updated and what to do.
        <Banner tone="warning">
          <p>{vaultUpdate.problem}</p>
        </Banner>
      ) : null}
      <SaveInVault keyId={keyId} onSaved={onSaved} />
    </>
  );
}
