import { CoreError } from '../../errors';
import type { ConflictResolver } from '../git/sync-report';
import { decodeTeamEntry, encodeSignedEntry, type TeamEntryRecord, type TeamVaultSession } from '../team-entries';
import { TeamFileRefusedError } from '../team-errors';
import { entryIdOfFile, ENTRIES_DIR } from '../team-format';
import { mergeTeamRecords, type MergeNotice, type TeamRecord } from './entry-merge';

/**
 * The git layer's resolver for a team vault: a file both this member and a teammate changed is
 * decrypted on both sides (and their common ancestor), checked, merged field by field
 * (entry-merge.ts), signed by this member and encrypted to the newest vault key. Only entry files
 * can be merged; a member list changed on both sides at once cannot (two records claiming the same
 * place in the chain), so that sync stops with CONFLICT_UNRESOLVED and changes nothing.
 */
export interface MergeSessions {
  /** The vault as the working copy holds it now (mid-rebase: the remote's members and key). */
  current(): Promise<TeamVaultSession>;
  /** The session from before the sync: a local change replayed onto a rotation is under its key. */
  previous: TeamVaultSession;
}

export function teamMergeResolver(sessions: MergeSessions, notices: MergeNotice[], now: () => Date): ConflictResolver {
  return async (path, ours, theirs, base) => {
    const entryId = path.startsWith(`${ENTRIES_DIR}/`) ? entryIdOfFile(path.slice(ENTRIES_DIR.length + 1)) : null;
    if (entryId === null) {
      throw new CoreError(
        'CONFLICT',
        `A teammate changed ${path} at the same time as you (the member list or a key wrap): make your change again after this sync.`,
      );
    }
    const current = await sessions.current();
    const decoded = async (bytes: Buffer | null): Promise<TeamRecord | null> => {
      if (bytes === null) return null;
      const record = await decodeWithAny([current, sessions.previous], entryId, bytes.toString('utf8'));
      return record === null ? null : record.kind === 'entry' ? record.entry : record.tombstone;
    };
    const [mine, teammates, ancestor] = [await decoded(ours), await decoded(theirs), await decoded(base)];
    // A side that fails its checks cannot win: the other side is kept, re-signed by this member.
    const outcome = mergeTeamRecords(mine, teammates, ancestor, now());
    if (outcome === null) return null;
    if (outcome.notice !== null) notices.push(outcome.notice);
    if (outcome.kept === teammates && theirs !== null) return theirs;
    if (outcome.kept === mine && ours !== null && mine !== null && current.vaultKey === sessions.previous.vaultKey)
      return ours;
    return Buffer.from(await encodeSignedEntry(current, outcome.kept), 'utf8');
  };
}

/**
 * The record in `armored`, checked with the first session whose key opens it; null when none does or
 * it is refused (forged, another team's, a read-only member's).
 */
export async function decodeWithAny(
  sessions: readonly TeamVaultSession[],
  entryId: string,
  armored: string,
): Promise<TeamEntryRecord | null> {
  for (const session of sessions) {
    try {
      return await decodeTeamEntry(session, entryId, armored);
    } catch (error) {
      if (!(error instanceof TeamFileRefusedError)) throw error;
      if (error.reason !== 'undecryptable') return null;
    }
  }
  return null;
}
