import { Check, Copy, Eye, EyeOff } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { GeneratedKey } from '../../../../shared/domain/issued-key';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { COPY_FAILED_MESSAGE, useClipboard } from '../../lib/use-clipboard';
import { MaskedKey } from './MaskedKey';

export const ONLY_TIME_WARNING =
  'This is the only time you can view and copy this API key. Store it in a safe place — Keyhaven keeps only a hash of it.';

/**
 * Step "Store your API key": the key masked, Show/Hide, Copy and the one-time warning. Vault saving
 * and the "I have stored the key in a safe place" confirmation will join below the key box.
 */
export function StoreKeyStep({ generated }: { generated: GeneratedKey }) {
  const [revealed, setRevealed] = useState(false);
  const { state: copyState, copy } = useClipboard();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key, plaintext } = generated;

  // Arriving on this step: start reading at its heading, then the warning.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="store-key" aria-labelledby="store-key-heading">
      <h3 id="store-key-heading" ref={heading} tabIndex={-1} className="store-key__heading">
        Store your API key
      </h3>
      <Banner tone="warning" role="note">
        <p>{ONLY_TIME_WARNING}</p>
      </Banner>
      <div className="store-key__panel">
        <div className="store-key__meta">
          <span className="store-key__name">{key.name}</span>
          <span className="muted">Copy it now and paste it where it is needed.</span>
        </div>
        <div className="key-box">
          <MaskedKey summary={key} plaintext={plaintext} revealed={revealed} />
          <div className="key-box__actions">
            <Button
              size="sm"
              icon={revealed ? EyeOff : Eye}
              aria-pressed={revealed}
              onClick={() => setRevealed((r) => !r)}
            >
              {revealed ? 'Hide' : 'Show'}
            </Button>
            <Button size="sm" icon={copyState === 'copied' ? Check : Copy} onClick={() => void copy(plaintext)}>
              {copyState === 'copied' ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
        <p role="status" className="store-key__copy-status">
          {copyState === 'copied' ? 'The API key is on the clipboard.' : ''}
        </p>
        {copyState === 'failed' ? (
          <Banner tone="danger" title="Copy failed">
            <p>{COPY_FAILED_MESSAGE}</p>
          </Banner>
        ) : null}
      </div>
      {/* Later: "Select vault" + "Save in vault", then "I have stored the key in a safe place". */}
    </section>
  );
}
