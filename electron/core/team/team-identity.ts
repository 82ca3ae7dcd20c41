import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { formatMemberLine, memberNameSchema } from '../../../shared/domain/team';
import { CoreError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import { ageIdentityFile, encryptWithPassphrase, identityFromFile, newAgeIdentity, recipientOf } from './team-age';
import { fingerprintOf, rawPublicKey } from './team-signing';

/**
 * A user's team identity (issue 15, item 1): an age X25519 identity that team vaults' keys are
 * wrapped to, and an Ed25519 key that signs what the user writes. Both live in one keychain item,
 * never on disk in clear; the item is named after the data folder's installation id, as the pepper
 * is, so two data folders (three members on one test machine) never share one.
 */
export const teamIdentityAccount = (installationId: string): string => `team-identity:${installationId}`;

interface StoredTeamIdentity {
  v: 1;
  name: string;
  createdAt: string;
  /** `AGE-SECRET-KEY-1…` */
  age: string;
  /** PKCS#8 DER, base64. */
  signingKey: string;
}

export interface TeamIdentity {
  name: string;
  createdAt: string;
  ageIdentity: string;
  recipient: string;
  signingKey: KeyObject;
  /** Raw Ed25519 public key, base64url. */
  signingPublicKey: string;
  fingerprint: string;
}

async function decode(text: string): Promise<TeamIdentity | null> {
  try {
    const stored = JSON.parse(text) as Partial<StoredTeamIdentity>;
    if (stored.v !== 1 || typeof stored.age !== 'string' || typeof stored.signingKey !== 'string') return null;
    if (typeof stored.name !== 'string' || typeof stored.createdAt !== 'string') return null;
    if (identityFromFile(stored.age) !== stored.age) return null;
    const signingKey = createPrivateKey({
      key: Buffer.from(stored.signingKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    if (signingKey.asymmetricKeyType !== 'ed25519') return null;
    const signingPublicKey = rawPublicKey(signingKey);
    return {
      name: stored.name,
      createdAt: stored.createdAt,
      ageIdentity: stored.age,
      recipient: await recipientOf(stored.age),
      signingKey,
      signingPublicKey,
      fingerprint: fingerprintOf(signingPublicKey),
    };
  } catch {
    return null;
  }
}

/** The identity, or null before the first use. A damaged item is refused, never replaced: it may be a team's only way in. */
export async function loadTeamIdentity(keychain: Keychain, installationId: string): Promise<TeamIdentity | null> {
  const text = await keychain.get(teamIdentityAccount(installationId));
  if (text === null) return null;
  const identity = await decode(text);
  if (identity === null) {
    throw new CoreError(
      'STORAGE_CORRUPT',
      'Your team identity in the system keychain is damaged. Keyhaven left it untouched: it may be your only way into your team vaults.',
    );
  }
  return identity;
}

/** Created on first use under `name`; later calls return the same identity whatever name they pass. */
export async function ensureTeamIdentity(
  keychain: Keychain,
  installationId: string,
  name: string,
  now: Date,
): Promise<TeamIdentity> {
  const existing = await loadTeamIdentity(keychain, installationId);
  if (existing !== null) return existing;
  const parsedName = memberNameSchema.safeParse(name);
  if (!parsedName.success) {
    throw new CoreError('INVALID_INPUT', parsedName.error.issues[0]?.message ?? 'Invalid name.', { field: 'name' });
  }
  const { identity: age } = await newAgeIdentity();
  const { privateKey } = generateKeyPairSync('ed25519');
  const stored: StoredTeamIdentity = {
    v: 1,
    name: parsedName.data,
    createdAt: now.toISOString(),
    age,
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
  await keychain.set(teamIdentityAccount(installationId), JSON.stringify(stored));
  const created = await decode(JSON.stringify(stored));
  if (created === null) throw new Error('A new team identity failed to decode.');
  return created;
}

/** The one copyable line a user sends to a teammate who adds them. */
export const memberLineOf = (identity: TeamIdentity): string =>
  formatMemberLine({ name: identity.name, recipient: identity.recipient, signingKey: identity.signingPublicKey });

export interface IdentityExportOptions {
  /** Omitted: the identity file in clear (`--plain`, for scripts). */
  passphrase?: string;
  /** scrypt work factor of the passphrase encryption; age's default unless a test lowers it. */
  logN?: number;
}

/**
 * The age identity in age's identity-file format, so the standard tool decrypts a team's files with
 * it (`age -d -i`). With a passphrase the file is age-encrypted with it (scrypt): `age -d` opens it
 * asking for the passphrase, and `age -d -i` accepts it as an encrypted identity. The signing key
 * is not exported: reading needs only the age identity, and a signing key on disk could forge entries.
 */
export async function exportTeamIdentity(identity: TeamIdentity, options: IdentityExportOptions = {}): Promise<string> {
  const file = ageIdentityFile(
    identity.ageIdentity,
    identity.recipient,
    identity.createdAt,
    `Keyhaven team identity of ${identity.name}`,
  );
  if (options.passphrase === undefined) return file;
  if (options.passphrase.length === 0)
    throw new CoreError('INVALID_INPUT', 'Enter a passphrase.', { field: 'passphrase' });
  return encryptWithPassphrase(options.passphrase, file, options.logN);
}
