import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  TEAM_ENTRY_FORMAT,
  teamEntryFileSchema,
  teamEntrySchema,
  type TeamEntry,
  type TeamMember,
  type TeamTombstone,
} from '../../../shared/domain/team';
import { CoreError } from '../errors';
import { ageCipher, type AgeCipher } from './team-age';
import { TeamFileRefusedError } from './team-errors';
import { ENTRIES_DIR, entryFileOf, entryIdOfFile, readTeamText, writeEntryText } from './team-format';
import type { TeamIdentity } from './team-identity';
import { signCanonical, verifyCanonical } from './team-signing';
import type { VaultKey } from './team-vault-key';

/**
 * entries/<id>.age: one entry per file, so concurrent changes to different entries never touch the
 * same file. The plaintext is the entry, the team id and its writer's signature; all of it is inside
 * the age encryption, so the git host sees neither names nor who wrote what. A member checks the
 * signature after decrypting: the vault's recipient is public (any outsider can encrypt to it) and
 * every member holds the vault key (a read-only one too), so the signature is what says who wrote it.
 */
export interface TeamVaultSession {
  root: string;
  teamId: string;
  /** Current members by fingerprint, from the verified chain. */
  members: ReadonlyMap<string, TeamMember>;
  vaultKey: VaultKey;
  me: TeamIdentity;
}

/** Each session's vault key gets one cipher, dropped with the key (and its secret) when the session goes. */
const ciphers = new WeakMap<VaultKey, AgeCipher>();
function cipherOf(key: VaultKey): AgeCipher {
  let cipher = ciphers.get(key);
  if (cipher === undefined) {
    cipher = ageCipher(key.identity, key.recipient);
    ciphers.set(key, cipher);
  }
  return cipher;
}

/**
 * The plaintext is padded with spaces (which JSON ignores and the signature does not cover) to a
 * multiple of this, so a file's size tells the git host little about the length of the key inside.
 */
const PAD_TO = 512;
function padded(text: string): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  return text + ' '.repeat(Math.ceil(bytes / PAD_TO) * PAD_TO - bytes);
}

export type TeamEntryRecord = { kind: 'entry'; entry: TeamEntry } | { kind: 'deleted'; tombstone: TeamTombstone };

function assertWriter(vault: TeamVaultSession): void {
  const me = vault.members.get(vault.me.fingerprint);
  if (me === undefined || me.readOnly) {
    throw new CoreError('INVALID_INPUT', 'You can read this team vault but not change it: you are a read-only member.');
  }
}

/** Signs as the session's member and encrypts to the session's vault key (re-encryption uses it directly). */
export async function writeSignedEntry(vault: TeamVaultSession, entry: TeamEntry | TeamTombstone): Promise<void> {
  await writeEntryText(vault.root, entryFileOf(entry.id), await encodeSignedEntry(vault, entry));
}

/** The armored file text of an entry signed by the session's member (the merge resolver writes it itself). */
export async function encodeSignedEntry(vault: TeamVaultSession, entry: TeamEntry | TeamTombstone): Promise<string> {
  const unsigned = { format: TEAM_ENTRY_FORMAT, version: 1, teamId: vault.teamId, entry, signer: vault.me.fingerprint };
  const file = { ...unsigned, signature: signCanonical(unsigned, vault.me.signingKey) };
  return cipherOf(vault.vaultKey).encrypt(padded(JSON.stringify(file)));
}

/** Writes (creates or replaces) an entry, signed by the session's member, who must be able to write. */
export async function writeTeamEntry(vault: TeamVaultSession, entry: TeamEntry): Promise<void> {
  assertWriter(vault);
  await writeSignedEntry(vault, teamEntrySchema.parse(entry));
}

/** Deleting leaves a signed tombstone: a file that merely disappears could be anyone's doing. */
export async function deleteTeamEntry(vault: TeamVaultSession, entryId: string, now: Date): Promise<void> {
  assertWriter(vault);
  await writeSignedEntry(vault, {
    id: entryId,
    deleted: true,
    deletedAt: now.toISOString(),
    deletedBy: vault.me.fingerprint,
  });
}

/**
 * Reads and checks one entry file. Refused (TeamFileRefusedError naming the file): not decryptable
 * with the vault's current key, not Keyhaven's format, another team's, holding another entry than
 * its name says, or signed by a non-member, a read-only member, or with a bad signature.
 * Null when there is no such file.
 */
export async function readTeamEntry(vault: TeamVaultSession, entryId: string): Promise<TeamEntryRecord | null> {
  const armored = await readTeamText(vault.root, entryFileOf(entryId));
  return armored === null ? null : decodeTeamEntry(vault, entryId, armored);
}

/** Checks one entry file's text as readTeamEntry does (the merge resolver has bytes, not a file). */
export async function decodeTeamEntry(
  vault: TeamVaultSession,
  entryId: string,
  armored: string,
): Promise<TeamEntryRecord> {
  const path = entryFileOf(entryId);
  const text = await cipherOf(vault.vaultKey).decrypt(armored);
  if (text === null) throw new TeamFileRefusedError(path, 'undecryptable');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TeamFileRefusedError(path, 'malformed');
  }
  const parsed = teamEntryFileSchema.safeParse(raw);
  if (!parsed.success) throw new TeamFileRefusedError(path, 'malformed');
  const { signature, ...unsigned } = parsed.data;
  if (unsigned.teamId !== vault.teamId) throw new TeamFileRefusedError(path, 'wrong-team');
  if (unsigned.entry.id !== entryId) throw new TeamFileRefusedError(path, 'id-mismatch');
  const signer = vault.members.get(unsigned.signer);
  if (signer === undefined) throw new TeamFileRefusedError(path, 'not-a-member');
  // The schema is strict and transforms nothing, so what it parsed is exactly what was signed.
  if (!verifyCanonical(unsigned, signature, signer.signingKey)) throw new TeamFileRefusedError(path, 'bad-signature');
  if (signer.readOnly) throw new TeamFileRefusedError(path, 'read-only-signer');
  const { entry } = unsigned;
  return 'deleted' in entry ? { kind: 'deleted', tombstone: entry } : { kind: 'entry', entry };
}

/** The entry ids present under entries/ (stray files that are not `<uuid>.age` are ignored). */
export async function listTeamEntryIds(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(root, ENTRIES_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((name) => entryIdOfFile(name) ?? []).sort();
}

export interface TeamEntriesRead {
  entries: TeamEntry[];
  tombstones: TeamTombstone[];
  /** Files refused one by one: the rest of the vault still opens, and the app lists these as refused. */
  refused: TeamFileRefusedError[];
}

export async function readAllTeamEntries(vault: TeamVaultSession): Promise<TeamEntriesRead> {
  const result: TeamEntriesRead = { entries: [], tombstones: [], refused: [] };
  const read = (id: string) =>
    readTeamEntry(vault, id).then(
      (record) => ({ record }),
      (error: unknown) => ({ error }),
    );
  // In order of id, a few files at a time: reads and WebCrypto overlap, memory stays small.
  for (const outcome of await inBatches(await listTeamEntryIds(vault.root), read)) {
    if ('error' in outcome) {
      if (!(outcome.error instanceof TeamFileRefusedError)) throw outcome.error;
      result.refused.push(outcome.error);
    } else if (outcome.record?.kind === 'entry') result.entries.push(outcome.record.entry);
    else if (outcome.record?.kind === 'deleted') result.tombstones.push(outcome.record.tombstone);
  }
  return result;
}

/** `work` over `items`, at most BATCH at once, results in the order of `items`. */
const BATCH = 16;
export async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let at = 0; at < items.length; at += BATCH)
    results.push(...(await Promise.all(items.slice(at, at + BATCH).map(work))));
  return results;
}
