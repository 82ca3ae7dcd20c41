import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Issued keys are stored only as HMAC-SHA-256 under a pepper kept in the OS keychain, so a stolen data
 * file alone cannot confirm a guessed key. Keys carry 190 bits of entropy, so a slow password hash
 * would add cost without adding safety; verification stays in microseconds.
 */
export const HASH_VERSION = 1;

export interface KeyHasher {
  hash(key: string): string;
  /** Constant-time comparison of the key's HMAC with a stored one (length checked first). */
  matches(key: string, storedHash: string): boolean;
}

export function createKeyHasher(pepper: Buffer): KeyHasher {
  if (pepper.length < 32) throw new Error('The pepper must be at least 32 bytes.');
  const digest = (key: string): Buffer => createHmac('sha256', pepper).update(key, 'utf8').digest();
  return {
    hash: (key) => digest(key).toString('base64url'),
    matches(key, storedHash) {
      const expected = Buffer.from(storedHash, 'base64url');
      const actual = digest(key);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
