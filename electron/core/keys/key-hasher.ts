import { createHash, timingSafeEqual, type Hash } from 'node:crypto';

/**
 * Issued keys are stored only as HMAC-SHA-256 under a pepper kept in the OS keychain, so a stolen data
 * file alone cannot confirm a guessed key. Keys carry 190 bits of entropy, so a slow password hash
 * would add cost without adding safety; verification stays in microseconds.
 *
 * HMAC is computed from SHA-256 states primed with the padded pepper once (RFC 2104: H(K⊕opad ‖
 * H(K⊕ipad ‖ m))) and copied per call, which skips the key schedule `createHmac` redoes every time.
 * Tests check it against `createHmac`.
 */
export const HASH_VERSION = 1;
const BLOCK = 64;

export interface KeyHasher {
  hash(key: string): string;
  /** Constant-time comparison of the key's HMAC with a stored one (length checked first). */
  matches(key: string, storedHash: string): boolean;
}

function primed(pepper: Buffer, pad: number): Hash {
  const block = Buffer.alloc(BLOCK, pad);
  for (let i = 0; i < pepper.length; i += 1) block[i] = (block[i] as number) ^ (pepper[i] as number);
  return createHash('sha256').update(block);
}

export function createKeyHasher(pepper: Buffer): KeyHasher {
  if (pepper.length < 32 || pepper.length > BLOCK) throw new Error('The pepper must be 32 to 64 bytes.');
  const inner = primed(pepper, 0x36);
  const outer = primed(pepper, 0x5c);
  const digest = (key: string): Buffer => outer.copy().update(inner.copy().update(key, 'utf8').digest()).digest();
  return {
    hash: (key) => digest(key).toString('base64url'),
    matches(key, storedHash) {
      const expected = Buffer.from(storedHash, 'base64url');
      const actual = digest(key);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}
