import { describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { findKeyhavenKeys } from '../../../electron/cli/scan/keyhaven-key-detector';

const key = formatKey('pyas', 'n58lZyBi');

/** The same key with one character of its random part changed: the shape holds, the checksum does not. */
function brokenChecksum(valid: string): string {
  const at = valid.indexOf('.') + 5;
  const swapped = valid[at] === 'a' ? 'b' : 'a';
  return valid.slice(0, at) + swapped + valid.slice(at + 1);
}

describe('findKeyhavenKeys', () => {
  it('finds a key with its prefix, id and offset, and keeps nothing of its random part', () => {
    const text = `const apiKey = "${key}";`;
    const matches = findKeyhavenKeys(text);
    expect(matches).toEqual([{ offset: 16, prefix: 'pyas', keyId: 'n58lZyBi' }]);
    expect(JSON.stringify(matches)).not.toContain(key.slice(key.indexOf('.')));
  });

  it('ignores a key-shaped string whose checksum fails', () => {
    expect(findKeyhavenKeys(`KEY=${brokenChecksum(key)}`)).toEqual([]);
  });

  it('does not split a longer token to find a key inside it', () => {
    // `xpyas_…` is not the key `pyas_…`: its checksum covers `xpyas`, so nothing is reported.
    expect(findKeyhavenKeys(`x${key}`)).toEqual([]);
    expect(findKeyhavenKeys(`${key}Z`)).toEqual([]);
  });

  it('finds keys after punctuation or an underscore, several on a line', () => {
    const other = formatKey('billing2', 'AbCdEfGh');
    const text = `A_${key} ${other},${key}`;
    expect(findKeyhavenKeys(text).map((match) => [match.offset, match.prefix])).toEqual([
      [2, 'pyas'],
      [3 + key.length, 'billing2'],
      [4 + key.length + other.length, 'pyas'],
    ]);
  });
});
