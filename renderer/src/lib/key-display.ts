import type { IssuedKeySummary } from '../../../shared/domain/issued-key';

type KeyLabel = Pick<IssuedKeySummary, 'keyPrefix' | 'keyId'>;

/** The public part of a key, as tables show it: `pyas_n58lZyBi`. */
export const publicKeyPart = (key: KeyLabel): string => `${key.keyPrefix}_${key.keyId}`;

/**
 * The masked form of a key: its public part stays readable, the secret becomes dots. Built from the
 * summary, so the hidden characters are never in the document, only their count.
 */
export function maskedSecretLength(key: KeyLabel, plaintext: string): number {
  return Math.max(plaintext.length - publicKeyPart(key).length - 1, 0);
}
