import { verifyHeaderLine, type VerifyScheme } from '../../../../shared/catalogs/header-schemes';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { MASKED_DOTS, publicKeyPart } from '../../lib/key-display';

interface MaskedKeyProps {
  summary: Pick<IssuedKeySummary, 'keyPrefix' | 'keyId'>;
  plaintext: string;
  revealed: boolean;
}

/**
 * The key in monospace, on one line: the public part (prefix and key id) always readable, the secret as
 * a fixed row of dots until Show. While masked, the secret's characters are not in the document at all.
 */
export function MaskedKey({ summary, plaintext, revealed }: MaskedKeyProps) {
  if (revealed) {
    return (
      <code className="key-box__value" aria-label="API key" data-testid="api-key-value">
        {plaintext}
      </code>
    );
  }
  const dots = '•'.repeat(MASKED_DOTS);
  return (
    <code className="key-box__value key-box__value--masked" data-testid="api-key-value">
      <span>{`${publicKeyPart(summary)}.`}</span>
      <span aria-hidden="true">{dots}</span>
      <span className="visually-hidden"> (secret part hidden; use Show to reveal it)</span>
    </code>
  );
}

/**
 * The header line the key goes in, as the app sends it (`Authorization: Api-Key atfinity_…`), masked
 * like the key above it until Show.
 */
export function HeaderLineKey({ scheme, summary, plaintext, revealed }: MaskedKeyProps & { scheme: VerifyScheme }) {
  const name = verifyHeaderLine(scheme, '');
  if (revealed) {
    return (
      <code className="key-box__value" data-testid="api-key-header">
        {name}
        {plaintext}
      </code>
    );
  }
  return (
    <code className="key-box__value key-box__value--masked" data-testid="api-key-header">
      <span>{`${name}${publicKeyPart(summary)}.`}</span>
      <span aria-hidden="true">{'•'.repeat(MASKED_DOTS)}</span>
      <span className="visually-hidden"> (secret part hidden)</span>
    </code>
  );
}
