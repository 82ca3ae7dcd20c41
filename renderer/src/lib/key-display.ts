import type { IssuedKeySummary } from '../../../shared/domain/issued-key';

type KeyLabel = Pick<IssuedKeySummary, 'keyPrefix' | 'keyId'>;

/** The public part of a key, as tables show it: `pyas_n58lZyBi`. */
export const publicKeyPart = (key: KeyLabel): string => `${key.keyPrefix}_${key.keyId}`;

/**
 * How many dots stand for the secret while a key is masked: always the same, so the masked key reads as
 * `pyas_n58lZyBi.••••••••••••` on one line. (A secret's length is public anyway: the key format fixes it.)
 */
export const MASKED_DOTS = 12;
