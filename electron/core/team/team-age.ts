import { armor, Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { decodeBech32 } from '../../../shared/domain/bech32';
import {
  decryptX25519,
  encryptX25519,
  x25519Identity,
  x25519Recipient,
  type X25519Identity,
  type X25519Recipient,
} from './age-x25519';

/**
 * age v1 files: X25519 ones through ./age-x25519 (node's OpenSSL), passphrase ones, key generation and
 * the armor through typage (age-encryption, FiloSottile's own implementation in JS). The files are
 * plain age v1, so the standard `age` tool reads them. Always ASCII-armored: the armor is
 * text that survives copy and paste, and `age -d` detects it by itself; `.gitattributes` keeps git
 * from touching its line endings.
 */

/** A new X25519 identity and its recipient (never the post-quantum kind: Debian's age 1.1 lacks it). */
export async function newAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const recipientOf = (identity: string): Promise<string> => identityToRecipient(identity);

/** The public key an `age1…` recipient carries (imported for node), or an error. */
function recipientKey(recipient: string): X25519Recipient {
  const raw = decodeBech32(recipient, 'age');
  if (raw?.length !== 32) throw new Error('This is not an age X25519 recipient.');
  return x25519Recipient(raw);
}

/** The private key an `AGE-SECRET-KEY-1…` identity carries, or null when it is not one. */
function identityKey(identity: string): X25519Identity | null {
  const scalar = decodeBech32(identity, 'AGE-SECRET-KEY-');
  if (scalar?.length !== 32) return null;
  const key = x25519Identity(scalar);
  scalar.fill(0);
  return key;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decryptText(identity: X25519Identity | null, file: string): string | null {
  if (identity === null) return null;
  try {
    const plaintext = decryptX25519(identity, Buffer.from(armor.decode(file)));
    return plaintext === null ? null : utf8.decode(plaintext);
  } catch {
    return null; // not armored, or not UTF-8 inside
  }
}

// A plain Uint8Array for typage's armor: it checks `instanceof Uint8Array`, which a Buffer fails where the
// global Uint8Array is another realm's (the renderer tests run the core under jsdom).
const encryptText = (recipient: X25519Recipient, plaintext: string): string =>
  armor.encode(Uint8Array.from(encryptX25519(recipient, Buffer.from(plaintext, 'utf8'))));

export async function encryptTo(recipient: string, plaintext: string): Promise<string> {
  return encryptText(recipientKey(recipient), plaintext);
}

/**
 * One key's encrypt and decrypt, reused across files: the keys are imported once, for a 1,000-entry
 * re-encryption.
 */
export interface AgeCipher {
  encrypt(plaintext: string): Promise<string>;
  /** Null when the file is not for this key, damaged, or not age at all. */
  decrypt(file: string): Promise<string | null>;
}

export function ageCipher(identity: string, recipient: string): AgeCipher {
  let recipientKeyObject: X25519Recipient | null = null;
  let identityKeyObject: X25519Identity | null | undefined;
  return {
    encrypt: async (plaintext) => encryptText((recipientKeyObject ??= recipientKey(recipient)), plaintext),
    decrypt: async (file) => {
      if (identityKeyObject === undefined) identityKeyObject = identityKey(identity);
      return decryptText(identityKeyObject, file);
    },
  };
}

/** The plaintext, or null when the file is not for this identity, damaged, or not age at all. */
export async function decryptWith(identity: string, file: string): Promise<string | null> {
  return decryptText(identityKey(identity), file);
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
