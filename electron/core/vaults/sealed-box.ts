import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * AES-256-GCM for vault secrets. Every seal draws a fresh random 12-byte IV: with one key per vault,
 * random IVs stay far below GCM's 2^32-messages-per-key bound for any realistic vault. The AAD binds
 * a ciphertext to its place (vault, entry, field, version), so a sealed value copied to another entry,
 * field or version fails to open instead of silently moving a secret.
 */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export const sealedSchema = z.strictObject({
  v: z.literal(1),
  iv: z.base64(),
  ct: z.string(),
  tag: z.base64(),
});
export type Sealed = z.infer<typeof sealedSchema>;

/** Thrown whenever a sealed value cannot be opened. Never carries key, plaintext or ciphertext. */
export class VaultCryptoError extends Error {
  constructor(message = 'The vault data could not be decrypted: the data was changed or the key is wrong.') {
    super(message);
    this.name = 'VaultCryptoError';
  }
}

// 'check' seals the vault's key-check value (entry id empty), see data-keys.ts.
export type SealedField = 'secret' | 'history' | 'check';

/** The one place the additional data is spelled, so sealing and opening can never disagree. */
export function vaultAad(vaultId: string, entryId: string, field: SealedField, version: number): string {
  return `keyhaven/vault/v1|${vaultId}|${entryId}|${field}|${version}`;
}

export function seal(key: Buffer, plaintext: string, aad: string): Sealed {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function open(key: Buffer, sealed: Sealed, aad: string): string {
  checkKey(key);
  if (sealed.v !== 1) throw new VaultCryptoError();
  const iv = strictBase64(sealed.iv);
  const tag = strictBase64(sealed.tag);
  const ct = strictBase64(sealed.ct);
  // Node's decipher accepts a shorter tag (down to 4 bytes) unless told otherwise, which would let a
  // forger guess 32 bits instead of 128: the length is checked here, before anything is decrypted.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new VaultCryptoError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } catch {
    throw new VaultCryptoError();
  }
}

function checkKey(key: Buffer): void {
  // A programming error, not a user-facing failure; the message states the size only.
  if (key.length !== KEY_BYTES) throw new Error(`A vault key must be ${KEY_BYTES} bytes.`);
}

/** Buffer.from(…, 'base64') silently skips junk; a value that does not re-encode identically is refused. */
function strictBase64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new VaultCryptoError();
  return bytes;
}
