import { describe, expect, it } from 'vitest';
import type { VaultSecret } from '../../../electron/cli/scan/findings';
import { MIN_SECRET_LENGTH, VaultSecretDetector } from '../../../electron/cli/scan/vault-secret-detector';

const entry = (entryId: string, secret: string): VaultSecret => ({
  vaultName: 'Personal',
  entryName: `Entry ${entryId}`,
  entryId,
  secret,
});

const byPlace = (a: [number, string], b: [number, string]): number => a[0] - b[0] || a[1].localeCompare(b[1]);

/** The detector's matches as [offset, entryId], in a fixed order: at one offset, entries come in any order. */
const places = (detector: VaultSecretDetector, text: string): [number, string][] =>
  detector
    .find(text)
    .map((m): [number, string] => [m.offset, m.entryId])
    .sort(byPlace);

/** The obvious answer, one indexOf pass per secret: what the one-pass detector must agree with. */
function naiveFind(text: string, secrets: VaultSecret[]): [number, string][] {
  const found: [number, string][] = [];
  for (const { entryId, secret } of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) found.push([at, entryId]);
  }
  return found.sort(byPlace);
}

describe('VaultSecretDetector', () => {
  it('finds each occurrence with its entry and offset, and never returns the secret', () => {
    const detector = new VaultSecretDetector([entry('e1', 'sk_live_abcdef123456')]);
    const matches = detector.find('a=sk_live_abcdef123456\nb=sk_live_abcdef123456');
    expect(matches).toEqual([
      { offset: 2, vaultName: 'Personal', entryName: 'Entry e1', entryId: 'e1' },
      { offset: 25, vaultName: 'Personal', entryName: 'Entry e1', entryId: 'e1' },
    ]);
    expect(JSON.stringify(matches)).not.toContain('abcdef');
  });

  it('ignores secrets shorter than 8 characters', () => {
    const detector = new VaultSecretDetector([entry('pin', '1234567'), entry('long', '12345678')]);
    expect(detector.size).toBe(1);
    expect(detector.find('1234567 12345678').map((match) => match.entryId)).toEqual(['long']);
  });

  it('tells apart secrets sharing a prefix, and finds overlapping and nested ones', () => {
    const secrets = [
      entry('a', 'sk_live_AAAAAAAAAAAAAAAA'),
      entry('b', 'sk_live_AAAAAAAABBBB'),
      entry('c', 'sk_live_'),
      entry('d', 'live_AAAAAAAA'),
    ];
    const text = 'x sk_live_AAAAAAAAAAAAAAAA y sk_live_AAAAAAAABBBB z sk_live_AAAAAAA';
    expect(places(new VaultSecretDetector(secrets), text)).toEqual(naiveFind(text, secrets));
  });

  it('agrees with one indexOf pass per secret on generated text with many secrets', () => {
    let seed = 7;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const alphabet = 'abcdefgh_-=AB01\n ';
    const word = (length: number): string =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const secrets = Array.from({ length: 300 }, (_, i) =>
      entry(`e${i}`, (i % 2 === 0 ? 'sk_live_' : '') + word(4 + (i % 20))),
    );
    const parts: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      parts.push(word(40));
      if (i % 50 === 0) parts.push((secrets[(i * 7) % secrets.length] as VaultSecret).secret);
    }
    const text = parts.join('');
    const expected = naiveFind(text, secrets);
    expect(expected.length).toBeGreaterThanOrEqual(40);
    expect(places(new VaultSecretDetector(secrets), text)).toEqual(expected);
  });
});
