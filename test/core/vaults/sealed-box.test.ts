import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal, vaultAad, VaultCryptoError, type Sealed } from '../../../electron/core/vaults/sealed-box';

const key = randomBytes(32);
const aad = vaultAad('vault-1', 'entry-1', 'secret', 1);

function flipBit(base64: string, byte: number, bit: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte]! ^= 1 << bit;
  return bytes.toString('base64');
}

describe('sealed box (AES-256-GCM)', () => {
  it('round-trips unicode and empty text', () => {
    for (const text of ['pyas_n58lzybi.Zx9', 'sëcret-välue 🔑 ключ 鍵', '']) {
      expect(open(key, seal(key, text, aad), aad)).toBe(text);
    }
  });

  it('rejects every single-bit flip in ciphertext, IV and tag', () => {
    const sealed = seal(key, 'a secret worth protecting', aad);
    for (const field of ['ct', 'iv', 'tag'] as const) {
      const length = Buffer.from(sealed[field], 'base64').length;
      for (let byte = 0; byte < length; byte++) {
        for (let bit = 0; bit < 8; bit++) {
          const changed: Sealed = { ...sealed, [field]: flipBit(sealed[field], byte, bit) };
          expect(() => open(key, changed, aad)).toThrow(VaultCryptoError);
        }
      }
    }
  });

  it('rejects other bound data: vault id, entry id, field, version, and a flipped AAD bit', () => {
    const sealed = seal(key, 'bound', aad);
    const others = [
      vaultAad('vault-2', 'entry-1', 'secret', 1),
      vaultAad('vault-1', 'entry-2', 'secret', 1),
      vaultAad('vault-1', 'entry-1', 'history', 1),
      vaultAad('vault-1', 'entry-1', 'secret', 2),
      aad.slice(0, -1) + String.fromCharCode(aad.charCodeAt(aad.length - 1) ^ 1),
    ];
    for (const other of others) expect(() => open(key, sealed, other)).toThrow(VaultCryptoError);
  });

  it('rejects a wrong key, a tag truncated by 4 bytes, a wrong IV length and junk base64', () => {
    const sealed = seal(key, 'x', aad);
    expect(() => open(randomBytes(32), sealed, aad)).toThrow(VaultCryptoError);
    const shortTag = Buffer.from(sealed.tag, 'base64').subarray(0, 12).toString('base64');
    expect(() => open(key, { ...sealed, tag: shortTag }, aad)).toThrow(VaultCryptoError);
    const longIv = Buffer.concat([Buffer.from(sealed.iv, 'base64'), Buffer.alloc(4)]).toString('base64');
    expect(() => open(key, { ...sealed, iv: longIv }, aad)).toThrow(VaultCryptoError);
    expect(() => open(key, { ...sealed, ct: `${sealed.ct}!` }, aad)).toThrow(VaultCryptoError);
    expect(() => open(key, { ...sealed, v: 2 as 1 }, aad)).toThrow(VaultCryptoError);
  });

  it('never repeats an IV across 1,000,000 encryptions', () => {
    const started = performance.now();
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i++) seen.add(seal(key, '', aad).iv);
    expect(seen.size).toBe(1_000_000);
    console.info(`[vaults] 1,000,000 seals with distinct IVs in ${Math.round(performance.now() - started)} ms`);
  }, 60_000);

  it('says nothing about the secret when it fails', () => {
    const sealed = seal(key, 'canary-ZX81', aad);
    try {
      open(key, sealed, vaultAad('v', 'e', 'secret', 9));
    } catch (error) {
      expect(String(error)).not.toContain('canary');
      expect((error as Error).message).toMatch(/could not be decrypted/);
    }
  });
});
