import { Check, Copy, Eye, EyeOff } from 'lucide-react';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { VerifyScheme } from '../../../../shared/catalogs/header-schemes';
import type { GeneratedKey, RotatedKey } from '../../../../shared/domain/issued-key';
import { client } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { copiedMessage, useCopyInMain } from '../../lib/use-clipboard';
import { HeaderLineKey, MaskedKey } from './MaskedKey';
import { RotatedKeyVault, SaveInVault } from './SaveInVault';

export const ONLY_TIME_WARNING =
  'This is the only time you can view and copy this API key. Store it in a safe place — Keyhaven keeps only a hash of it.';

export const STORED_LABEL = 'I have stored the key in a safe place';

/** A new key, or a rotated one with what happened to the vault entries holding the old key. */
export type StoreableKey = GeneratedKey & Partial<Pick<RotatedKey, 'vaultUpdate'>>;

interface StoreKeyStepProps {
  generated: StoreableKey;
  /** The app's: how the key is sent, shown as the header line it goes in. */
  headerScheme: VerifyScheme;
  stored: boolean;
  onStoredChange: (stored: boolean) => void;
  storedRef?: Ref<HTMLInputElement>;
}

/**
 * Main holds a new key's plaintext while its store page is open (for Save in vault and Copy); this
 * tells main to drop it when the page goes away, however it goes (Done, Close anyway, unmount).
 */
function useDiscardPlaintextOnUnmount(keyId: string) {
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    // Deferred, and cancelled by a remount: in development, StrictMode unmounts and at once remounts
    // every component, and that must not drop the plaintext while the page is still open.
    clearTimeout(pending.current);
    return () => {
      pending.current = setTimeout(() => void client.keys.discardPlaintext({ keyId }), 0);
    };
  }, [keyId]);
}

/**
 * "Store your API key": the key masked, Show/Hide and Copy (each recorded in the activity log, never
 * with the key), the one-time warning, Save in vault, and the "stored" confirmation. Copy and Save
 * refer to the key by id: main copies it (and clears the clipboard later) and saves it.
 */
export function StoreKeyStep({ generated, headerScheme, stored, onStoredChange, storedRef }: StoreKeyStepProps) {
  const [revealed, setRevealed] = useState(false);
  const { state: copyState, copy } = useCopyInMain();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key, plaintext, vaultUpdate } = generated;
  const recentlyCopied = copyState.kind === 'copied' && copyState.recent;
  useDiscardPlaintextOnUnmount(key.id);

  // Arriving on this step: start reading at its heading, then the warning.
  useEffect(() => heading.current?.focus(), []);

  const toggleShow = () => {
    if (!revealed) void client.keys.recordViewed({ id: key.id, action: 'shown' });
    setRevealed(!revealed);
  };
  // Main records "copied" in the activity log itself.
  const copyKey = () => copy(() => client.keys.copyPlaintext({ keyId: key.id }));

  return (
    <section className="store-key" aria-labelledby="store-key-heading">
      <h3 id="store-key-heading" ref={heading} tabIndex={-1} className="wizard__heading">
        Store your API key
      </h3>
      <Banner tone="warning" role="note">
        <p>{ONLY_TIME_WARNING}</p>
        {/* Extracta's advice, word for word where it applies. */}
        <ul className="store-key__advice">
          <li>
            <strong>Do not share your API key</strong> publicly or with unauthorized individuals. Treat it as you would
            your password.
          </li>
          <li>
            <strong>Regenerate your API key</strong> if you suspect it has been compromised: Rotate it from this app's
            keys.
          </li>
        </ul>
      </Banner>
      <div className="store-key__panel">
        <div className="store-key__meta">
          <span className="store-key__name">{key.name}</span>
          <div className="key-box__actions">
            <Button size="sm" icon={revealed ? EyeOff : Eye} aria-pressed={revealed} onClick={toggleShow}>
              {revealed ? 'Hide' : 'Show'}
            </Button>
            <Button size="sm" icon={recentlyCopied ? Check : Copy} onClick={() => void copyKey()}>
              {recentlyCopied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
        {/* The whole width for the key, so even a 16-letter prefix and the secret fit on one line. */}
        <div className="key-box">
          <MaskedKey summary={key} plaintext={plaintext} revealed={revealed} />
        </div>
        <div className="store-key__header">
          <p className="store-key__header-label">Send it in this header:</p>
          <div className="key-box">
            <HeaderLineKey scheme={headerScheme} summary={key} plaintext={plaintext} revealed={revealed} />
          </div>
        </div>
        <p
          role="status"
          className={`store-key__copy-status${copyState.kind === 'copied' ? ' store-key__copy-status--done' : ''}`}
        >
          {copyState.kind === 'copied'
            ? copiedMessage(copyState.clearsAfterSeconds)
            : 'Copy it now and paste it where it is needed.'}
        </p>
        {copyState.kind === 'failed' ? (
          <Banner tone="danger" title="Copy failed">
            <p>{copyState.message}</p>
          </Banner>
        ) : null}
      </div>
      <div data-slot="vault" className="store-key__vault">
        {vaultUpdate ? <RotatedKeyVault keyId={key.id} vaultUpdate={vaultUpdate} /> : <SaveInVault keyId={key.id} />}
      </div>
      <label className="store-key__confirm">
        <input
          ref={storedRef}
          type="checkbox"
          checked={stored}
          onChange={(event) => onStoredChange(event.target.checked)}
        />
        {STORED_LABEL}
      </label>
    </section>
  );
}
