import { CircleCheck, CircleX, type LucideIcon } from 'lucide-react';
import type { VerifyCode, VerifyResult } from '../../../../shared/domain/issued-key';
import { publicKeyPart } from '../../lib/key-display';
import { selectApp, useApps } from '../../stores/apps-store';

export const VERIFY_WORDS: Record<VerifyCode, { title: string; text: string }> = {
  VALID: { title: 'Valid ✓', text: 'A server would accept this key.' },
  MALFORMED: {
    title: 'Malformed',
    text: 'This is not a Keyhaven key in this header scheme: check the scheme, the spelling and that nothing was cut off.',
  },
  NOT_FOUND: { title: 'Not found', text: 'The key is well formed, but Keyhaven never issued it (or it was mistyped).' },
  EXPIRED: { title: 'Expired', text: 'The key was ours, but it has expired.' },
  REVOKED: { title: 'Revoked', text: 'The key was ours, but it was revoked or rotated and no longer works.' },
  DISABLED: { title: 'Disabled', text: 'The key is ours, but it is disabled for now: enable it on its page.' },
  INSUFFICIENT_SCOPE: { title: 'Insufficient scope', text: 'The key works, but it does not have the required scope.' },
  TAMPERED: {
    title: 'Changed outside Keyhaven',
    text: 'The key was ours, but its record in the data folder was edited outside Keyhaven, so it is refused. Revoke it and issue a new one.',
  },
};

/** The verification answer in words, with the key it matched (and its app, when another one). */
export function VerifyResultView({ result }: { result: VerifyResult }) {
  const words = VERIFY_WORDS[result.code];
  const app = useApps(selectApp(result.key?.appId ?? ''));
  const valid = result.code === 'VALID';
  const Icon: LucideIcon = valid ? CircleCheck : CircleX;
  return (
    <div className={`verify-result verify-result--${valid ? 'ok' : 'bad'}`}>
      <Icon size={20} aria-hidden="true" className="verify-result__icon" />
      <div>
        <p className="verify-result__title">{words.title}</p>
        <p>{words.text}</p>
        {result.key ? (
          <p className="verify-result__key">
            Key: <strong>{result.key.name}</strong> <code>{`${publicKeyPart(result.key)}…`}</code>
            {app ? ` of ${app.name}` : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
