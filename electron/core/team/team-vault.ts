import { readdir } from 'node:fs/promises';
import {
  fingerprintSchema,
  teamMemberSchema,
  type MemberAction,
  type MemberPublicLine,
  type TeamEntry,
  type TeamMember,
} from '../../../shared/domain/team';
import { CoreError } from '../errors';
import { inBatches, readAllTeamEntries, writeSignedEntry, type TeamVaultSession } from './team-entries';
import { TeamFileRefusedError } from './team-errors';
import {
  entryFileOf,
  GITATTRIBUTES,
  GITATTRIBUTES_FILE,
  readTeamFormat,
  TEAM_FILE,
  writeTeamFormat,
  writeTeamText,
} from './team-format';
import type { TeamIdentity } from './team-identity';
import {
  readMemberState,
  signRecord,
  verifyMemberChain,
  writeMemberRecords,
  type ChainPin,
  type ChainPoint,
  type MemberState,
} from './team-members';
import { fingerprintOf } from './team-signing';
import { deleteVaultKeyWrap, listVaultKeyWraps, newVaultKey, unwrapVaultKey, wrapVaultKey } from './team-vault-key';

/**
 * A team vault's life on a plain folder: create, open as a member, add and remove members. Git
 * comes later and commits what these write as one change; until then a crash halfway through a
 * removal can leave a mix, which the commit will make atomic.
 */
export interface OpenedTeamVault extends TeamVaultSession {
  /** The chain's last record: the app pins it so a rewritten member list is noticed. */
  head: ChainPoint;
  former: ReadonlyMap<string, TeamMember>;
}

const sessionOf = (
  root: string,
  me: TeamIdentity,
  state: MemberState,
  vaultKey: OpenedTeamVault['vaultKey'],
): OpenedTeamVault => ({
  root,
  me,
  vaultKey,
  teamId: state.teamId,
  members: state.members,
  former: state.former,
  head: state.head,
});

const memberOf = (identity: TeamIdentity): TeamMember => ({
  name: identity.name,
  recipient: identity.recipient,
  signingKey: identity.signingPublicKey,
  readOnly: false,
});

/** Makes `root` (missing or empty) a team vault with `creator` as its first, writing member. */
export async function createTeamVault(root: string, creator: TeamIdentity, now: Date): Promise<OpenedTeamVault> {
  const existing = await readdir(root).catch(() => []);
  if (existing.some((name) => name !== '.git')) {
    throw new CoreError('CONFLICT', 'This folder is not empty: a team vault starts in an empty folder or repository.');
  }
  const vaultKey = await newVaultKey(1);
  const action: MemberAction = {
    type: 'create',
    member: memberOf(creator),
    vaultRecipient: vaultKey.recipient,
    keyEpoch: 1,
  };
  const records = [signRecord([], action, creator, now)];
  const state = verifyMemberChain(records);
  await writeTeamText(root, GITATTRIBUTES_FILE, GITATTRIBUTES);
  await wrapVaultKey(root, vaultKey, action.member, now);
  await writeMemberRecords(root, records);
  await writeTeamFormat(root, { teamId: state.teamId, vaultRecipient: vaultKey.recipient, keyEpoch: 1 });
  return sessionOf(root, creator, state, vaultKey);
}

/**
 * Opens the vault as `me`: verifies the member chain (against `pin` when the member has seen it
 * before), checks keyhaven-team.json says what the chain says, and unwraps the vault key.
 */
export async function openTeamVault(root: string, me: TeamIdentity, pin?: ChainPin): Promise<OpenedTeamVault> {
  const format = await readTeamFormat(root);
  const { state } = await readMemberState(root, pin);
  if (format.teamId !== state.teamId) throw new TeamFileRefusedError(TEAM_FILE, 'wrong-team');
  // The format file is unsigned: believed only where it agrees with the signed chain.
  if (format.vaultRecipient !== state.vaultRecipient || format.keyEpoch !== state.keyEpoch) {
    throw new TeamFileRefusedError(TEAM_FILE, 'wrong-vault-key');
  }
  if (!state.members.has(me.fingerprint)) {
    throw new CoreError(
      'NOT_FOUND',
      'You are not a member of this team vault: send your member line to a member who can add you.',
    );
  }
  const vaultKey = await unwrapVaultKey(root, me, state.vaultRecipient, state.keyEpoch);
  if (vaultKey === null) {
    throw new CoreError('NOT_FOUND', 'This team vault holds no key for you yet: ask a member to add you again.');
  }
  return sessionOf(root, me, state, vaultKey);
}

function assertWriter(vault: TeamVaultSession): void {
  if (vault.members.get(vault.me.fingerprint)?.readOnly !== false) {
    throw new CoreError('INVALID_INPUT', 'Only a member who can write may change who is in this team vault.');
  }
}

/**
 * The chain as it is on disk now, which must still be this team's and extend what the session saw,
 * under the key the session holds: after another member's rotation a stale key would wrap nothing
 * useful and, re-encrypting, would leave every newer file unreadable.
 */
async function currentChain(vault: OpenedTeamVault) {
  const current = await readMemberState(vault.root, { teamId: vault.teamId, head: vault.head });
  if (current.state.vaultRecipient !== vault.vaultKey.recipient) {
    throw new CoreError(
      'CONFLICT',
      'The team vault’s key changed since you opened it (another member rotated it): open it again.',
    );
  }
  return current;
}

/** Adds a member from their public line: the vault key wrapped for them, then the signed record. */
export async function addTeamMember(
  vault: OpenedTeamVault,
  member: MemberPublicLine,
  options: { readOnly: boolean },
  now: Date,
): Promise<OpenedTeamVault> {
  assertWriter(vault);
  const { records, state } = await currentChain(vault);
  // Parsed again here: the line may have come from anywhere, and a bad one must not reach members.json.
  const parsed = teamMemberSchema.safeParse({ ...member, readOnly: options.readOnly });
  if (!parsed.success) throw new CoreError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Not a member line.');
  const added = parsed.data;
  const fingerprint = fingerprintOf(added.signingKey);
  if (state.members.has(fingerprint))
    throw new CoreError('CONFLICT', `${added.name} is already a member of this team vault.`);
  const next = [...records, signRecord(records, { type: 'add', member: added }, vault.me, now)];
  const nextState = verifyMemberChain(next);
  await wrapVaultKey(vault.root, vault.vaultKey, added, now);
  await writeMemberRecords(vault.root, next);
  return sessionOf(vault.root, vault.me, nextState, vault.vaultKey);
}

export interface RekeyResult {
  vault: OpenedTeamVault;
  /** Live entries that whoever held the previous key could read: each should have its key rotated. */
  exposedEntryIds: string[];
  /** Files refused before re-encryption: left as they were (now unreadable), never re-signed. */
  refused: TeamFileRefusedError[];
}

/**
 * Removes a member: a new vault key, every entry re-encrypted to it and re-signed by the remover
 * (who checked each one first), a wrap of the new key for everyone left, the removed member's wrap
 * deleted, and one signed `remove` record carrying the new key's recipient.
 */
export async function removeTeamMember(
  vault: OpenedTeamVault,
  fingerprint: string,
  now: Date,
  options: RekeyOptions & {
    /** Applied to each live entry as it is re-encrypted (the link marks what the removed member could read). */
    reviseEntry?: (entry: TeamEntry, removed: TeamMember) => TeamEntry;
  } = {},
): Promise<RekeyResult> {
  assertWriter(vault);
  fingerprintSchema.parse(fingerprint);
  if (fingerprint === vault.me.fingerprint) {
    throw new CoreError('INVALID_INPUT', 'You cannot remove yourself: another member who can write removes you.');
  }
  const removed = vault.members.get(fingerprint);
  if (removed === undefined) throw new CoreError('NOT_FOUND', 'This person is not a member of this team vault.');
  const { reviseEntry, written } = options;
  return rekey(
    vault,
    (recipient, keyEpoch) => ({ type: 'remove', fingerprint, vaultRecipient: recipient, keyEpoch }),
    now,
    {
      ...(written ? { written } : {}),
      ...(reviseEntry ? { reviseEntry: (entry: TeamEntry) => reviseEntry(entry, removed) } : {}),
    },
  );
}

/** A new vault key without removing anyone (a member's machine was lost, or as routine). */
export async function rotateTeamVaultKey(vault: OpenedTeamVault, now: Date): Promise<RekeyResult> {
  assertWriter(vault);
  return rekey(vault, (recipient, keyEpoch) => ({ type: 'rotate', vaultRecipient: recipient, keyEpoch }), now);
}

export interface RekeyOptions {
  /** Told each entry file's path as soon as it is written again (git stages it meanwhile). */
  written?: (file: string) => void;
}

async function rekey(
  vault: OpenedTeamVault,
  actionFor: (recipient: string, keyEpoch: number) => MemberAction,
  now: Date,
  { reviseEntry = (entry) => entry, written }: RekeyOptions & { reviseEntry?: (entry: TeamEntry) => TeamEntry } = {},
): Promise<RekeyResult> {
  const { records, state } = await currentChain(vault);
  const current = { ...vault, members: state.members, head: state.head };
  const { entries, tombstones, refused } = await readAllTeamEntries(current);
  const vaultKey = await newVaultKey(state.keyEpoch + 1);
  const next = [...records, signRecord(records, actionFor(vaultKey.recipient, vaultKey.epoch), vault.me, now)];
  const nextState = verifyMemberChain(next);
  const session = sessionOf(vault.root, vault.me, nextState, vaultKey);
  await inBatches([...entries.map(reviseEntry), ...tombstones], async (item) => {
    await writeSignedEntry(session, item);
    written?.(entryFileOf(item.id));
  });
  for (const member of nextState.members.values()) await wrapVaultKey(vault.root, vaultKey, member, now);
  // Every wrap of no current member goes: the removed member's, and any a crash or a host left behind.
  for (const fingerprint of await listVaultKeyWraps(vault.root)) {
    if (!nextState.members.has(fingerprint)) await deleteVaultKeyWrap(vault.root, fingerprint);
  }
  await writeMemberRecords(vault.root, next);
  await writeTeamFormat(vault.root, {
    teamId: nextState.teamId,
    vaultRecipient: vaultKey.recipient,
    keyEpoch: vaultKey.epoch,
  });
  return { vault: session, exposedEntryIds: entries.map((entry) => entry.id).sort(), refused };
}
