import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CoreError } from '../errors';
import { deriveKey, SCRYPT_N } from './export-format';
import { KEY_BYTES, open, seal, sealedSchema, VaultCryptoError, type Sealed } from './sealed-box';

/**
 * The Keyhaven passphrase (issue 14): optional, and when set every vault's data key is stored in the
 * keychain wrapped under scrypt(passphrase), so a copy of the keychain item alone no longer opens a
 * vault. `vaults.json` keeps only the KDF parameters and a fixed text sealed under the derived key,
 * which tells a wrong passphrase from a right one before the keychain is touched.
 */
export const passphraseRecordSchema = z.strictObject({
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(1024)
      .max(262_144)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.literal(8),
    p: z.literal(1),
    salt: z.base64(),
  }),
  check: sealedSchema,
  setAt: z.string(),
});
export type PassphraseRecord = z.infer<typeof passphraseRecordSchema>;

const CHECK_TEXT = 'keyhaven-passphrase-check';
const CHECK_AAD = 'keyhaven/passphrase/v1|check';
/** A keychain value that starts with this is a data key wrapped under the passphrase key. */
const WRAPPED_PREFIX = 'kh-pw1:';
const wrapAad = (vaultId: string): string => `keyhaven/passphrase/v1|wrap|${vaultId}`;

/** A new record and its derived key. `scryptN` lower than the default is for tests only. */
export async function createPassphraseRecord(
  passphrase: string,
  now: Date,
  scryptN = SCRYPT_N,
): Promise<{ record: PassphraseRecord; key: Buffer }> {
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, scryptN);
  const record: PassphraseRecord = {
    kdf: { name: 'scrypt', N: scryptN, r: 8, p: 1, salt: salt.toString('base64') },
    check: seal(key, CHECK_TEXT, CHECK_AAD),
    setAt: now.toISOString(),
  };
  return { record, key };
}

/** The key the passphrase derives, or WRONG_PASSPHRASE. Takes scrypt's time (about 0.3 s) on purpose. */
export async function unlockPassphrase(record: PassphraseRecord, passphrase: string): Promise<Buffer> {
  const key = await deriveKey(passphrase, Buffer.from(record.kdf.salt, 'base64'), record.kdf.N);
  try {
    open(key, record.check, CHECK_AAD);
  } catch (error) {
    key.fill(0);
    if (error instanceof VaultCryptoError) {
      throw new CoreError('WRONG_PASSPHRASE', 'That is not your Keyhaven passphrase. Try again.', {
        field: 'passphrase',
      });
    }
    throw error;
  }
  return key;
}

export const isWrapped = (stored: string): boolean => stored.startsWith(WRAPPED_PREFIX);

/** The keychain value for a data key under the passphrase key: the vault id is bound as additional data. */
export function wrapDataKey(passphraseKey: Buffer, vaultId: string, dataKey: Buffer): string {
  return WRAPPED_PREFIX + JSON.stringify(seal(passphraseKey, dataKey.toString('base64'), wrapAad(vaultId)));
}

/** The data key inside a wrapped keychain value; throws VaultCryptoError when it does not open. */
export function unwrapDataKey(passphraseKey: Buffer, vaultId: string, stored: string): Buffer {
  let sealed: Sealed;
  try {
    sealed = sealedSchema.parse(JSON.parse(stored.slice(WRAPPED_PREFIX.length)));
  } catch {
    throw new VaultCryptoError();
  }
  const key = Buffer.from(open(passphraseKey, sealed, wrapAad(vaultId)), 'base64');
  if (key.length !== KEY_BYTES) throw new VaultCryptoError();
  return key;
}
