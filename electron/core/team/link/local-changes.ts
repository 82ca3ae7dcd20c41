import { entryMark, type TeamLink } from '../../../../shared/domain/team-link';
import type { EntryRecord } from '../../vaults/vault-schema';
import { encodeSignedEntry, readTeamEntry, type TeamVaultSession } from '../team-entries';
import { TeamFileRefusedError } from '../team-errors';
import { entryFileOf, writeEntryText } from '../team-format';
import { mergeTeamRecords, type MergeNotice } from './entry-merge';
import { toTeamEntry } from './entry-mapping';

/**
 * Step one of a sync: what changed in the local vault since it last exchanged with the team goes into
 * the team folder, ready to commit. An entry is sent when its change mark differs from the one the
 * link knows; an entry the link knows that is gone here leaves a tombstone. If a teammate's change to
 * the same entry is already in the folder (it arrived while this one was being edited), the two are
 * merged the same way a git conflict would be, so neither is overwritten.
 */
export interface LocalChanges {
  /** Files written, relative to the team folder. */
  paths: string[];
  /** The change mark each sent entry had (a tombstone: null), for the link once committed. */
  sent: Map<string, string | null>;
  /** Entries written as a merge with a teammate's change: the local copy takes the merge back. */
  merged: Set<string>;
  notices: MergeNotice[];
}

export async function writeLocalChanges(
  session: TeamVaultSession,
  entries: readonly EntryRecord[],
  link: TeamLink,
  dataKey: Buffer,
  now: Date,
): Promise<LocalChanges> {
  const changes: LocalChanges = { paths: [], sent: new Map(), merged: new Set(), notices: [] };
  const nowIso = now.toISOString();
  const present = new Set(entries.map((entry) => entry.id));
  for (const entry of entries) {
    if (link.known[entry.id] === localMark(entry)) continue;
    const mine = toTeamEntry(entry, dataKey, session.me.fingerprint, nowIso);
    const inFolder = await readOrNull(session, entry.id);
    // In the folder and not what this member last saw: a teammate's change, merged without an ancestor.
    const teammates =
      inFolder === null || sameAsKnown(inFolder, link.known[entry.id])
        ? null
        : inFolder.kind === 'entry'
          ? inFolder.entry
          : inFolder.tombstone;
    const outcome = teammates === null ? null : mergeTeamRecords(mine, teammates, null, now);
    if (outcome?.notice) changes.notices.push(outcome.notice);
    if (outcome && outcome.kept !== mine) changes.merged.add(entry.id);
    await writeEntryText(session.root, entryFileOf(entry.id), await encodeSignedEntry(session, outcome?.kept ?? mine));
    changes.paths.push(entryFileOf(entry.id));
    changes.sent.set(entry.id, localMark(entry));
  }
  for (const id of Object.keys(link.known)) {
    if (present.has(id)) continue;
    const inFolder = await readOrNull(session, id);
    // A teammate changed it after this member last saw it: their edit beats this delete (import brings it back).
    if (inFolder !== null && !sameAsKnown(inFolder, link.known[id])) continue;
    const tombstone = { id, deleted: true as const, deletedAt: nowIso, deletedBy: session.me.fingerprint };
    await writeEntryText(session.root, entryFileOf(id), await encodeSignedEntry(session, tombstone));
    changes.paths.push(entryFileOf(id));
    changes.sent.set(id, null);
  }
  return changes;
}

type FolderRecord = NonNullable<Awaited<ReturnType<typeof readTeamEntry>>>;

function sameAsKnown(record: FolderRecord, knownMark: string | undefined): boolean {
  return record.kind === 'entry' && entryMark(record.entry) === knownMark;
}

/** The folder's record of an entry; a file that fails its checks counts as absent (this member's write replaces it). */
async function readOrNull(session: TeamVaultSession, entryId: string) {
  try {
    return await readTeamEntry(session, entryId);
  } catch (error) {
    if (error instanceof TeamFileRefusedError) return null;
    throw error;
  }
}

/** A local entry's change mark, as its team file would carry it. */
export const localMark = (entry: EntryRecord): string =>
  entryMark({ updatedAt: entry.updatedAt, version: entry.secretVersion });
