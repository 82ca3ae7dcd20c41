import { crc32 as nodeCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKey, parseKey } from '../../../electron/core/keys/key-format';
import { crc32, keyFromPresented, parseKeyhavenKey } from '../../../shared/verify/key-shape';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const keyId = fc.string({ unit: fc.constantFrom(...BASE62), minLength: 8, maxLength: 8 });

describe("the verifier's key shape (no Node)", () => {
  it('computes the same CRC-32 as node:zlib', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), (text) => crc32(text) === nodeCrc32(text)),
    );
  });

  it("accepts exactly what the core's parseKey accepts, for keys Keyhaven makes", () => {
    fc.assert(
      fc.property(keyId, (id) => {
        const key = formatKey('pyas', id);
        expect(parseKeyhavenKey(key)).toEqual(parseKey(key));
        expect(parseKeyhavenKey(key)).toMatchObject({ prefix: 'pyas', keyId: id, full: key });
      }),
    );
  });

  it('refuses any single-character change of a valid key', () => {
    fc.assert(
      fc.property(keyId, fc.nat(), fc.constantFrom(...BASE62, '_', '.', '-'), (id, at, char) => {
        const key = formatKey('pyas', id);
        const position = at % key.length;
        fc.pre(key[position] !== char);
        const changed = key.slice(0, position) + char + key.slice(position + 1);
        expect(parseKeyhavenKey(changed)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the key out of a Bearer or Api-Key value, or takes the value as the key', () => {
    expect(keyFromPresented('Bearer abc')).toBe('abc');
    expect(keyFromPresented('api-key abc')).toBe('abc');
    expect(keyFromPresented('  abc ')).toBe('abc');
    expect(keyFromPresented('')).toBeNull();
    expect(keyFromPresented(undefined)).toBeNull();
  });
});
