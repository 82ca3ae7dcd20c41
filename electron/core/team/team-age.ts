import { armor, Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { decodeBech32 } from '../../../shared/domain/bech32';

/**
 * age through typage (age-encryption, FiloSottile's own implementation in pure JS): the files it
 * writes are plain age v1, so the standard `age` tool reads them. Always ASCII-armored: the armor is
 * text that survives copy and paste, and `age -d` detects it by itself; `.gitattributes` keeps git
 * from touching its line endings.
 */

/** A new X25519 identity and its recipient (never the post-quantum kind: Debian's age 1.1 lacks it). */
export async function newAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const recipientOf = (identity: string): Promise<string> => identityToRecipient(identity);

export async function encryptTo(recipient: string, plaintext: string): Promise<string> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return armor.encode(await encrypter.encrypt(plaintext));
}

/**
 * One key's encrypt and decrypt, reused across files: typage imports the X25519 key once per
 * Encrypter/Decrypter, which is most of the cost of a small file (a 1,000-entry re-encryption).
 */
export interface AgeCipher {
  encrypt(plaintext: string): Promise<string>;
  /** Null when the file is not for this key, damaged, or not age at all. */
  decrypt(file: string): Promise<string | null>;
}

export function ageCipher(identity: string, recipient: string): AgeCipher {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  let decrypter: Promise<Decrypter> | null = null;
  return {
    encrypt: async (plaintext) => armor.encode(await encrypter.encrypt(plaintext)),
    decrypt: async (file) => {
      decrypter ??= decrypterFor(identity);
      try {
        return await (await decrypter).decrypt(armor.decode(file), 'text');
      } catch {
        return null;
      }
    },
  };
}

// PKCS#8 wrapping of a raw X25519 private key (RFC 8410): WebCrypto imports private keys no other way.
const X25519_PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

/**
 * A Decrypter holding the identity as a non-extractable CryptoKey: given the string, typage imports
 * the key again for every file, which doubles the X25519 work of reading a vault.
 */
async function decrypterFor(identity: string): Promise<Decrypter> {
  const decrypter = new Decrypter();
  const scalar = decodeBech32(identity, 'AGE-SECRET-KEY-');
  if (scalar?.length !== 32) {
    decrypter.addIdentity(identity); // typage reports what is wrong with it when it is used
    return decrypter;
  }
  const pkcs8 = new Uint8Array(X25519_PKCS8_PREFIX.length + 32);
  pkcs8.set(X25519_PKCS8_PREFIX);
  pkcs8.set(scalar, X25519_PKCS8_PREFIX.length);
  scalar.fill(0);
  decrypter.addIdentity(await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']));
  pkcs8.fill(0);
  return decrypter;
}

/** The plaintext, or null when the file is not for this identity, damaged, or not age at all. */
export async function decryptWith(identity: string, file: string): Promise<string | null> {
  try {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    return await decrypter.decrypt(armor.decode(file), 'text');
  } catch {
    return null;
  }
}

/**
 * Passphrase encryption (age's scrypt recipient). `logN` is the scrypt work factor: age's default 18
 * for what a user exports; tests pass a lower one to stay fast (age accepts any up to its own cap).
 */
export async function encryptWithPassphrase(passphrase: string, plaintext: string, logN = 18): Promise<string> {
  const encrypter = new Encrypter();
  encrypter.setPassphrase(passphrase);
  encrypter.setScryptWorkFactor(logN);
  return armor.encode(await encrypter.encrypt(plaintext));
}

export async function decryptWithPassphrase(passphrase: string, file: string): Promise<string | null> {
  try {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(passphrase);
    return await decrypter.decrypt(armor.decode(file), 'text');
  } catch {
    return null;
  }
}

/**
 * age's identity-file format: comment lines, then the secret key. `age -d -i` reads it as is, and
 * `age-keygen -y` prints its recipient.
 */
export function ageIdentityFile(identity: string, recipient: string, createdAt: string, comment?: string): string {
  const lines = [`# created: ${createdAt}`, `# public key: ${recipient}`];
  if (comment !== undefined) lines.unshift(`# ${comment}`);
  return `${lines.join('\n')}\n${identity}\n`;
}

/** The secret key out of an identity file (the one line that is not a comment). Null if there is not exactly one. */
export function identityFromFile(text: string): string | null {
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return keys.length === 1 && /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/.test(keys[0] ?? '') ? (keys[0] ?? null) : null;
}
