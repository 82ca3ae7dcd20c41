import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyHasher } from '../../../electron/core/keys/key-hasher';
import { formatKey, newKeyId } from '../../../electron/core/keys/key-format';

describe('key hasher', () => {
  const pepper = randomBytes(32);
  const hasher = createKeyHasher(pepper);
  const key = formatKey('pyas', newKeyId());

  it('stores no trace of the plaintext', () => {
    const hash = hasher.hash(key);
    expect(hash).not.toContain(key.split('.')[1]);
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32);
  });

  it('matches the same key and nothing else', () => {
    const hash = hasher.hash(key);
    expect(hasher.matches(key, hash)).toBe(true);
    expect(hasher.matches(formatKey('pyas', newKeyId()), hash)).toBe(false);
  });

  it('depends on the pepper: another pepper never matches', () => {
    const other = createKeyHasher(randomBytes(32));
    expect(other.matches(key, hasher.hash(key))).toBe(false);
  });

  it('rejects stored hashes of the wrong length instead of comparing them', () => {
    expect(hasher.matches(key, '')).toBe(false);
    expect(hasher.matches(key, hasher.hash(key).slice(0, 20))).toBe(false);
  });

  it('refuses a short pepper', () => {
    expect(() => createKeyHasher(randomBytes(16))).toThrow(/32 to 64 bytes/);
  });

  it('is exactly HMAC-SHA-256 of the key under the pepper', () => {
    for (let i = 0; i < 50; i += 1) {
      const k = formatKey('app', newKeyId());
      const expected = createHmac('sha256', pepper).update(k).digest('base64url');
      expect(hasher.hash(k)).toBe(expected);
      expect(hasher.matchesDigest(k, Buffer.from(expected, 'base64url'))).toBe(true);
    }
  });
});
