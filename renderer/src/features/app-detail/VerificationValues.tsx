import { Copy, Eye, EyeOff } from 'lucide-react';
import { useRef, useState } from 'react';
import { VERIFY_ENV, type KeysetStatus } from '../../../../shared/domain/keyset';
import { client, isFailure } from '../../api/client';
import { Button } from '../../components/Button';
import { copiedMessage, useCopyInMain } from '../../lib/use-clipboard';
import { useCopyText } from '../settings/copy-text';

const MASK = '•'.repeat(24);

/**
 * The two values a service sets in its environment: the public key (shown, copied from the page) and
 * the secret (hidden until Show; copied by main, which clears the clipboard after the vault delay).
 * Showing and copying the secret are recorded in Activity.
 */
export function VerificationValues({ status }: { status: KeysetStatus }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [revealError, setRevealError] = useState('');
  const publicKeyCode = useRef<HTMLElement>(null);
  const publicCopy = useCopyText();
  const secretCopy = useCopyInMain();

  const toggleSecret = async () => {
    if (secret !== null) return setSecret(null);
    setRevealError('');
    const result = await client.keysets.revealSecret({ appId: status.appId });
    if (isFailure(result)) return setRevealError(result.message);
    setSecret(result.secret);
  };

  // One status line for every Copy here: the latest one speaks.
  const [lastCopy, setLastCopy] = useState<'public' | 'main' | null>(null);
  const copyInMain = (what: 'secret' | 'env') => {
    setLastCopy('main');
    void secretCopy.copy(() => client.keysets.copy({ appId: status.appId, what }));
  };
  const copyPublic = () => {
    setLastCopy('public');
    void publicCopy.copy(status.publicKey, publicKeyCode.current, 'the public key');
  };
  const copied = secretCopy.state;
  const notice =
    lastCopy === 'public'
      ? { text: publicCopy.notice?.text ?? '', failed: publicCopy.notice?.outcome === 'selected' }
      : copied.kind === 'copied'
        ? { text: copiedMessage(copied.clearsAfterSeconds), failed: false }
        : copied.kind === 'failed'
          ? { text: copied.message, failed: true }
          : { text: '', failed: false };

  return (
    <div className="verify-values">
      <h3 className="subsection-title">Values for your service’s environment</h3>
      <dl className="verify-values__list">
        <dt>{VERIFY_ENV.publicKey}</dt>
        <dd>
          <code ref={publicKeyCode} className="verify-values__value">
            {status.publicKey}
          </code>
          <Button size="sm" icon={Copy} aria-label="Copy the public key" onClick={copyPublic}>
            Copy
          </Button>
        </dd>
        <dt>{VERIFY_ENV.secret}</dt>
        <dd>
          <code className="verify-values__value" aria-label={secret === null ? 'Secret, hidden' : 'Secret'}>
            {secret ?? MASK}
          </code>
          <Button size="sm" icon={secret === null ? Eye : EyeOff} onClick={() => void toggleSecret()}>
            {secret === null ? 'Show' : 'Hide'}
          </Button>
          <Button size="sm" icon={Copy} aria-label="Copy the secret" onClick={() => copyInMain('secret')}>
            Copy
          </Button>
        </dd>
      </dl>
      {revealError ? (
        <p role="alert" className="verify-error">
          {revealError}
        </p>
      ) : null}
      <pre className="verify-values__env" aria-label=".env lines">
        {`${VERIFY_ENV.publicKey}=${status.publicKey}\n${VERIFY_ENV.secret}=${secret ?? MASK}`}
      </pre>
      <div className="settings-form__actions">
        <Button icon={Copy} onClick={() => copyInMain('env')}>
          Copy .env lines
        </Button>
        <p role="status" className={notice.failed ? 'verify-error' : 'settings-form__notice'}>
          {notice.text}
        </p>
      </div>
    </div>
  );
}
