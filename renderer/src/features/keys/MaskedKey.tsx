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
