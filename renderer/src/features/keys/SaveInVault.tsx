import { CircleCheck, LockKeyhole } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
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

export const confirmSaveQuestion = (vaultName: string) => `Save your API key in ${vaultName}?`;

/**
 * Cerby's "Save in vault" on the store page: "Select vault" only when there is more than one vault,
 * then one button, then "Save your API key in <vault>?" with the same button to confirm. As in Cerby,
 * saving does not tick "I have stored the key in a safe place": the user still does, then Done.
 */
export function SaveInVault({ keyId }: { keyId: string }) {
  const { list, vaults, vault, choose, save, saving, savedIn, failure } = useSaveInVault(keyId);
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const questionId = useId();

  // The busy button was disabled under the pointer or keyboard, so focus fell to the page: bring it
  // to what happened (the confirmation), or back to the button to try again.
  useEffect(() => {
    if (savedIn) done.current?.focus();
  }, [savedIn]);
  useEffect(() => {
    if (failure && (document.activeElement === document.body || document.activeElement === null)) {
      (confirmButton.current ?? button.current)?.focus();
    }
  }, [failure]);
  // The question replaces the button it came from: focus goes to its answer, and back on Cancel.
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) button.current?.focus();
    asked.current = confirming;
  }, [confirming]);

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
      ) : confirming ? (
        <div role="group" aria-labelledby={questionId} className="save-in-vault__confirm">
          <p id={questionId} className="save-in-vault__question">
            {confirmSaveQuestion(vault.name)}
          </p>
          <p className="save-in-vault__note">
            The key is encrypted in this vault, where Show and Copy can get it back later.
          </p>
          <div className="save-in-vault__actions">
            <Button onClick={() => setConfirming(false)} disabled={saving}>
              Cancel
            </Button>
            <Button ref={confirmButton} variant="primary" icon={LockKeyhole} busy={saving} onClick={() => void save()}>
              {saving ? 'Saving…' : 'Save in vault'}
            </Button>
          </div>
        </div>
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
          <Button ref={button} icon={LockKeyhole} onClick={() => setConfirming(true)}>
            Save in vault
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
export function RotatedKeyVault({ keyId, vaultUpdate }: { keyId: string; vaultUpdate: RotatedKey['vaultUpdate'] }) {
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
      <SaveInVault keyId={keyId} />
    </>
  );
}
