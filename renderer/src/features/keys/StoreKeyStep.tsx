import { Check, Copy, Eye, EyeOff } from 'lucide-react';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { GeneratedKey } from '../../../../shared/domain/issued-key';
import { client } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { COPY_FAILED_MESSAGE, useClipboard } from '../../lib/use-clipboard';
import { MaskedKey } from './MaskedKey';

export const ONLY_TIME_WARNING =
  'This is the only time you can view and copy this API key. Store it in a safe place — Keyhaven keeps only a hash of it.';

export const STORED_LABEL = 'I have stored the key in a safe place';

interface StoreKeyStepProps {
  generated: GeneratedKey;
  stored: boolean;
  onStoredChange: (stored: boolean) => void;
  storedRef?: Ref<HTMLInputElement>;
}

/**
 * "Store your API key": the key masked, Show/Hide and Copy (each recorded in the activity log, never
 * with the key), the one-time warning, a slot for vault saving, and the "stored" confirmation.
 */
export function StoreKeyStep({ generated, stored, onStoredChange, storedRef }: StoreKeyStepProps) {
  const [revealed, setRevealed] = useState(false);
  const { state: copyState, copy } = useClipboard();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key, plaintext } = generated;

  // Arriving on this step: start reading at its heading, then the warning.
  useEffect(() => heading.current?.focus(), []);

  const toggleShow = () => {
    if (!revealed) void client.keys.recordViewed({ id: key.id, action: 'shown' });
    setRevealed(!revealed);
  };
  const copyKey = async () => {
    if (await copy(plaintext)) void client.keys.recordViewed({ id: key.id, action: 'copied' });
  };

  return (
    <section className="store-key" aria-labelledby="store-key-heading">
      <h3 id="store-key-heading" ref={heading} tabIndex={-1} className="wizard__heading">
        Store your API key
      </h3>
      <Banner tone="warning" role="note">
        <p>{ONLY_TIME_WARNING}</p>
      </Banner>
      <div className="store-key__panel">
        <div className="store-key__meta">
          <span className="store-key__name">{key.name}</span>
          <div className="key-box__actions">
            <Button size="sm" icon={revealed ? EyeOff : Eye} aria-pressed={revealed} onClick={toggleShow}>
              {revealed ? 'Hide' : 'Show'}
            </Button>
            <Button size="sm" icon={copyState === 'copied' ? Check : Copy} onClick={() => void copyKey()}>
              {copyState === 'copied' ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
        {/* The whole width for the key, so even a 16-letter prefix and the secret fit on one line. */}
        <div className="key-box">
          <MaskedKey summary={key} plaintext={plaintext} revealed={revealed} />
        </div>
        <p
          role="status"
          className={`store-key__copy-status${copyState === 'copied' ? ' store-key__copy-status--done' : ''}`}
        >
          {copyState === 'copied' ? 'The API key is on the clipboard.' : 'Copy it now and paste it where it is needed.'}
        </p>
        {copyState === 'failed' ? (
          <Banner tone="danger" title="Copy failed">
            <p>{COPY_FAILED_MESSAGE}</p>
          </Banner>
        ) : null}
      </div>
      {/* Reserved for "Select vault" (only with more than one vault) and "Save in vault". */}
      <div data-slot="vault" className="store-key__vault" />
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
