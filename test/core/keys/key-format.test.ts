import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE62, encodeBase62, randomBase62 } from '../../../electron/core/keys/base62';
import { checksumOf, formatKey, newKeyId, parseKey, RANDOM_LENGTH } from '../../../electron/core/keys/key-format';

const prefixArb = fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/);
const keyArb = fc
  .tuple(prefixArb, fc.constant(null))
  .map(([prefix]) => ({ prefix, keyId: newKeyId(), key: '' }))
  .map((k) => ({ ...k, key: formatKey(k.prefix, k.keyId) }));

describe('key format', () => {
  it('has the documented shape: prefix, 8-char key id, 32 random + 6 checksum chars', () => {
    const key = formatKey('pyas', 'n58lZyBi');
    expect(key).toMatch(/^pyas_n58lZyBi\.[0-9A-Za-z]{38}$/);
    // 32 base62 characters carry 32·log2(62) ≈ 190.5 bits.
    expect(RANDOM_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(190);
  });

  it('every generated key parses back to its prefix and key id', () => {
    fc.assert(
      fc.property(keyArb, ({ prefix, keyId, key }) => {
        expect(parseKey(key)).toEqual({ prefix, keyId, full: key });
      }),
      { numRuns: 500 },
    );
  });

  it('any single-character change makes a key unparseable or a different valid-looking key', () => {
    // A checksum collision is possible in principle (1 in 62^6 per edit) but never with a 1-char edit
    // within the CRC's burst-error guarantee; fast-check explores thousands of edits.
    fc.assert(
      fc.property(keyArb, fc.nat(), fc.constantFrom(...BASE62, '_', '.', '-', ' '), ({ key }, at, ch) => {
        const i = at % key.length;
        if (key[i] === ch) return;
        const changed = key.slice(0, i) + ch + key.slice(i + 1);
        expect(parseKey(changed)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects truncated, extended, whitespace-padded and over-long input without throwing', () => {
    const key = formatKey('pyas', newKeyId());
    for (const bad of [key.slice(0, -1), `${key}x`, ` ${key}`, `${key}\n`, '', 'x'.repeat(10_000), key.toUpperCase()]) {
      expect(parseKey(bad)).toBeNull();
    }
  });

  it('checksum is 6 base62 chars of the CRC32 of the body', () => {
    expect(checksumOf('pyas_n58lZyBi.abc')).toMatch(/^[0-9A-Za-z]{6}$/);
    expect(encodeBase62(0, 6)).toBe('000000');
    expect(encodeBase62(0xffffffff, 6)).toBe('4gfFC3');
  });

  it('random base62 is uniform enough: every symbol appears, no bias beyond noise', () => {
    const sample = randomBase62(62 * 2000);
    const counts = new Map<string, number>();
    for (const ch of sample) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(1700);
      expect(count).toBeLessThan(2300);
    }
  });
});
