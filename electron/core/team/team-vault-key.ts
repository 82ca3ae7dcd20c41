import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TeamMember } from '../../../shared/domain/team';
import { TeamFileRefusedError } from './team-errors';
import { KEYS_DIR, keyFileOf, readTeamText, writeTeamText } from './team-format';
import type { TeamIdentity } from './team-identity';
import { ageIdentityFile, decryptWith, encryptTo, identityFromFile, newAgeIdentity, recipientOf } from './team-age';
import { fingerprintOf } from './team-signing';

/**
 * The vault's own key is an age identity: entries are encrypted to its recipient, and each member
 * gets it wrapped to their own recipient in keys/<fingerprint>.age. The wrap holds it in age's
 * identity-file format, so `age -d -i me.txt keys/<me>.age > vault.key` gives a file that
 * `age -d -i vault.key entries/<id>.age` accepts: no Keyhaven needed to read a team's entries.
 */
export interface VaultKey {
  identity: string;
  recipient: string;
  epoch: number;
}

export async function newVaultKey(epoch: number): Promise<VaultKey> {
  const { identity, recipient } = await newAgeIdentity();
  return { identity, recipient, epoch };
}

/** Encrypts the vault key to one member and writes keys/<their fingerprint>.age. */
export async function wrapVaultKey(root: string, key: VaultKey, member: TeamMember, now: Date): Promise<void> {
  const file = ageIdentityFile(
    key.identity,
    key.recipient,
    now.toISOString(),
    `Keyhaven team vault key, epoch ${key.epoch}`,
  );
  await writeTeamText(root, keyFileOf(fingerprintOf(member.signingKey)), await encryptTo(member.recipient, file));
}

/** The fingerprints keys/ holds a wrap for (stray names ignored). */
export async function listVaultKeyWraps(root: string): Promise<string[]> {
  const names = await readdir(join(root, KEYS_DIR)).catch(() => []);
  return names.flatMap((name) => /^([0-9a-f]{16})\.age$/.exec(name)?.[1] ?? []);
}

export async function deleteVaultKeyWrap(root: string, fingerprint: string): Promise<void> {
  await rm(join(root, keyFileOf(fingerprint)), { force: true });
}

/**
 * The vault key from one's own wrap. Anyone can encrypt to a member's recipient, so the wrap could
 * hold a key the git host made: it is accepted only if its recipient is the one the signed member
 * list names (`expectedRecipient`), or entries would be written to a key an outsider holds.
 */
export async function unwrapVaultKey(
  root: string,
  me: TeamIdentity,
  expectedRecipient: string,
  epoch: number,
): Promise<VaultKey | null> {
  const file = keyFileOf(me.fingerprint);
  const armored = await readTeamText(root, file);
  if (armored === null) return null;
  const text = await decryptWith(me.ageIdentity, armored);
  if (text === null) throw new TeamFileRefusedError(file, 'undecryptable');
  const identity = identityFromFile(text);
  if (identity === null) throw new TeamFileRefusedError(file, 'malformed');
  const recipient = await recipientOf(identity);
  if (recipient !== expectedRecipient) throw new TeamFileRefusedError(file, 'wrong-vault-key');
  return { identity, recipient, epoch };
}
