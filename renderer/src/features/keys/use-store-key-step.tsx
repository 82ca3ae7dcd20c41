import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { VerifyScheme } from '../../../../shared/catalogs/header-schemes';
import { Button } from '../../components/Button';
import { StoreKeyStep, type StoreableKey } from './StoreKeyStep';

export const CLOSE_UNCONFIRMED =
  'You have not confirmed you stored this key. Close anyway? The key cannot be shown again.';

/** Asks before a key that was never confirmed as stored disappears for good. */
function CloseConfirmation({ onKeepOpen, onClose }: { onKeepOpen: () => void; onClose: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="close-confirm">
      <p role="alert" className="close-confirm__text">
        {CLOSE_UNCONFIRMED}
      </p>
      <div className="close-confirm__actions">
        <Button ref={keep} variant="primary" onClick={onKeepOpen}>
          Keep open
        </Button>
        <Button variant="danger" onClick={onClose}>
          Close anyway
        </Button>
      </div>
    </div>
  );
}

export interface StoreKeyStepParts {
  /** For the dialog's Escape and close button: asks first unless the key was confirmed as stored. */
  onClose: () => void;
  footer: ReactNode;
  body: ReactNode;
}

/** A rotation that already moved the old key's vault entry to the new key: the key is stored. */
const heldByVault = (generated: StoreableKey) => (generated.vaultUpdate?.updatedEntries ?? 0) > 0;

/**
 * The last step of generating or rotating, as parts of the caller's dialog (so the dialog itself stays
 * the same element from the first step to the last): the key once, and Done only after "I have stored
 * the key in a safe place" is ticked — Save in vault does not tick it (Cerby). The plaintext stays in the caller's state.
 */
export function useStoreKeyStep(
  generated: StoreableKey | null,
  headerScheme: VerifyScheme,
  onDone: () => void,
): StoreKeyStepParts {
  const [stored, setStored] = useState(false);
  const [storedKeyId, setStoredKeyId] = useState<string | null>(null);
  // A new key starts unconfirmed, unless a vault already holds it; adjusted while rendering (not in
  // an effect) so Done is never shown enabled or disabled wrongly for one frame.
  if (generated && generated.key.id !== storedKeyId) {
    setStoredKeyId(generated.key.id);
    setStored(heldByVault(generated));
  }
  const [confirmingClose, setConfirmingClose] = useState(false);
  const storedBox = useRef<HTMLInputElement>(null);

  const keepOpen = () => {
    setConfirmingClose(false);
    storedBox.current?.focus();
  };

  return {
    onClose: confirmingClose ? keepOpen : () => (stored ? onDone() : setConfirmingClose(true)),
    footer: confirmingClose ? (
      <CloseConfirmation onKeepOpen={keepOpen} onClose={onDone} />
    ) : (
      <Button variant="primary" disabled={!stored} onClick={onDone}>
        Done
      </Button>
    ),
    body: generated ? (
      <StoreKeyStep
        generated={generated}
        headerScheme={headerScheme}
        stored={stored}
        onStoredChange={(value) => {
          setStored(value);
          if (value) setConfirmingClose(false);
        }}
        storedRef={storedBox}
      />
    ) : null,
  };
}
