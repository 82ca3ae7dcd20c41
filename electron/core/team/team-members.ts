import {
  MEMBERS_FORMAT,
  memberRecordSchema,
  membersFileSchema,
  type MemberAction,
  type MemberRecord,
  type TeamMember,
} from '../../../shared/domain/team';
import { TeamFileRefusedError } from './team-errors';
import { MEMBERS_FILE, readTeamText, teamJson, writeTeamText } from './team-format';
import type { TeamIdentity } from './team-identity';
import { canonicalJson, fingerprintOf, sha256Hex, signCanonical, verifyCanonical } from './team-signing';

/**
 * members.json: who is in the team, as a chain of signed records. Each record names the SHA-256 of
 * the one before it, so a record cannot be dropped, reordered or edited without breaking every link
 * after it; each is signed by a writing member of the moment, so the git host (or a read-only
 * member) cannot add themselves. The team's id is the hash of the genesis record, which a member
 * pins when joining: a wholly new chain (a host replacing the file) is then refused too.
 */
export interface MemberState {
  teamId: string;
  /** Current members by fingerprint. */
  members: Map<string, TeamMember>;
  /** Everyone ever removed, by fingerprint: history and "updated by" still name them. */
  former: Map<string, TeamMember>;
  vaultRecipient: string;
  keyEpoch: number;
  head: ChainPoint;
}

/** A point of the chain a member has seen: a later chain must still hold this exact record there. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

export interface ChainPin {
  teamId: string;
  head?: ChainPoint;
}

export const recordHash = (record: MemberRecord): string => sha256Hex(canonicalJson(record));

const refuse = (
  reason: 'not-a-member' | 'read-only-signer' | 'bad-signature' | 'broken-chain' | 'malformed' | 'wrong-team',
  seq: number,
  why?: string,
) => new TeamFileRefusedError(MEMBERS_FILE, reason, `record ${seq}${why === undefined ? '' : `: ${why}`}`);

/** Walks the chain from the genesis and returns the member set it ends with; refuses at the first bad record. */
export function verifyMemberChain(rawRecords: readonly unknown[], pin?: ChainPin): MemberState {
  const members = new Map<string, TeamMember>();
  const former = new Map<string, TeamMember>();
  let state: Omit<MemberState, 'members' | 'former'> | null = null;
  for (const [seq, raw] of rawRecords.entries()) {
    const parsed = memberRecordSchema.safeParse(raw);
    if (!parsed.success) throw refuse('malformed', seq);
    const record = parsed.data;
    const { signature, ...unsigned } = record;
    if (record.seq !== seq) throw refuse('broken-chain', seq, 'out of order');
    if (record.prev !== (state === null ? null : state.head.hash)) throw refuse('broken-chain', seq);
    const { action } = record;
    const signer = action.type === 'create' ? action.member : members.get(record.signer);
    if (signer === undefined) throw refuse('not-a-member', seq);
    if (fingerprintOf(signer.signingKey) !== record.signer) throw refuse('bad-signature', seq, 'signer mismatch');
    if (!verifyCanonical(unsigned, signature, signer.signingKey)) throw refuse('bad-signature', seq);
    if (signer.readOnly) throw refuse('read-only-signer', seq);
    const hash = recordHash(record);
    if (state === null) {
      if (action.type !== 'create') throw refuse('broken-chain', seq, 'the first record must create the team');
      members.set(record.signer, action.member);
      state = { teamId: hash, vaultRecipient: action.vaultRecipient, keyEpoch: 1, head: { seq, hash } };
      continue;
    }
    switch (action.type) {
      case 'create':
        throw refuse('broken-chain', seq, 'a second genesis');
      case 'add': {
        const fingerprint = fingerprintOf(action.member.signingKey);
        if (members.has(fingerprint)) throw refuse('malformed', seq, 'already a member');
        members.set(fingerprint, action.member);
        former.delete(fingerprint);
        break;
      }
      case 'remove': {
        const removed = members.get(action.fingerprint);
        // Removing oneself would let the leaver choose (and know) the next vault key.
        if (removed === undefined || action.fingerprint === record.signer)
          throw refuse('malformed', seq, 'not removable');
        if (action.keyEpoch !== state.keyEpoch + 1) throw refuse('broken-chain', seq, 'key epoch skipped');
        members.delete(action.fingerprint);
        former.set(action.fingerprint, removed);
        state.vaultRecipient = action.vaultRecipient;
        state.keyEpoch = action.keyEpoch;
        break;
      }
      case 'rotate':
        if (action.keyEpoch !== state.keyEpoch + 1) throw refuse('broken-chain', seq, 'key epoch skipped');
        state.vaultRecipient = action.vaultRecipient;
        state.keyEpoch = action.keyEpoch;
        break;
    }
    state.head = { seq, hash };
  }
  if (state === null) throw refuse('malformed', 0, 'no records');
  const result: MemberState = { ...state, members, former };
  if (pin !== undefined) checkPin(rawRecords, result, pin);
  return result;
}

function checkPin(rawRecords: readonly unknown[], state: MemberState, pin: ChainPin): void {
  if (state.teamId !== pin.teamId) throw refuse('wrong-team', 0, 'another team’s member list');
  if (pin.head === undefined) return;
  const seen = rawRecords[pin.head.seq];
  // Every record was checked above, so this one parses; a different hash means history was rewritten.
  if (seen === undefined || recordHash(memberRecordSchema.parse(seen)) !== pin.head.hash) {
    throw refuse('broken-chain', pin.head.seq, 'the member list was rewritten since you last saw it');
  }
}

export async function readMemberRecords(root: string): Promise<MemberRecord[]> {
  const text = await readTeamText(root, MEMBERS_FILE);
  if (text === null) throw new TeamFileRefusedError(MEMBERS_FILE, 'malformed', 'missing');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TeamFileRefusedError(MEMBERS_FILE, 'malformed');
  }
  const file = membersFileSchema.safeParse(raw);
  if (!file.success) throw new TeamFileRefusedError(MEMBERS_FILE, 'malformed');
  // Shapes only; verifyMemberChain decides whether they are to be believed.
  return file.data.records.map((record, seq) => {
    const parsed = memberRecordSchema.safeParse(record);
    if (!parsed.success) throw refuse('malformed', seq);
    return parsed.data;
  });
}

export async function readMemberState(
  root: string,
  pin?: ChainPin,
): Promise<{ records: MemberRecord[]; state: MemberState }> {
  const records = await readMemberRecords(root);
  return { records, state: verifyMemberChain(records, pin) };
}

export async function writeMemberRecords(root: string, records: readonly MemberRecord[]): Promise<void> {
  await writeTeamText(root, MEMBERS_FILE, teamJson({ format: MEMBERS_FORMAT, version: 1, records }));
}

/** A new record after `records` (or the genesis when there are none), signed by `signer`. */
export function signRecord(
  records: readonly MemberRecord[],
  action: MemberAction,
  signer: TeamIdentity,
  now: Date,
): MemberRecord {
  const last = records.at(-1);
  const unsigned = {
    seq: records.length,
    prev: last === undefined ? null : recordHash(last),
    at: now.toISOString(),
    signer: signer.fingerprint,
    action,
  };
  return { ...unsigned, signature: signCanonical(unsigned, signer.signingKey) };
}
