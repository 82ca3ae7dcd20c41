import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../vaults/export-format';

/**
 * Ed25519 through node:crypto (no dependency): members sign records and entry files with it. What is
 * signed is always canonical JSON (sorted keys, no spaces), so a signature survives any re-formatting
 * of a file and two writers of the same value produce the same bytes.
 */
export { canonicalJson };

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The raw 32-byte public key, base64url: the form the public line and members.json carry. */
export function rawPublicKey(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Not an Ed25519 key.');
  return jwk.x;
}

/** First 16 hex of SHA-256 of the raw key: short enough for a file name, long enough to tell members apart. */
export function fingerprintOf(signingPublicKey: string): string {
  return createHash('sha256').update(Buffer.from(signingPublicKey, 'base64url')).digest('hex').slice(0, 16);
}

export function signCanonical(value: unknown, privateKey: KeyObject): string {
  return sign(null, Buffer.from(canonicalJson(value), 'utf8'), privateKey).toString('base64url');
}

// Public keys only (a team's members), so keeping them costs nothing secret; importing one per file
// was a fifth of the time a 1,000-entry vault takes to read.
const publicKeys = new Map<string, KeyObject>();
function publicKeyOf(signingPublicKey: string): KeyObject {
  let key = publicKeys.get(signingPublicKey);
  if (key === undefined) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signingPublicKey }, format: 'jwk' });
    if (publicKeys.size >= 1024) publicKeys.clear();
    publicKeys.set(signingPublicKey, key);
  }
  return key;
}

/** False for a bad signature and for a key or signature that is not even well formed: never throws. */
export function verifyCanonical(value: unknown, signature: string, signingPublicKey: string): boolean {
  try {
    const key = publicKeyOf(signingPublicKey);
    return verify(null, Buffer.from(canonicalJson(value), 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
