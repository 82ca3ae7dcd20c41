import { isDeepStrictEqual } from 'node:util';
import type { TeamEntry, TeamTombstone } from '../../../../shared/domain/team';

/**
 * Merging two members' concurrent changes to one team entry (issue 15, item 4), on the decrypted
 * contents, with their common ancestor when git has one. Nothing is lost:
 * - a field only one side changed takes that side's value, so two people editing different fields
 *   (one the tags, the other the key) both keep their change;
 * - a field both changed takes the newer change (by `updatedAt`); when that field is the key itself,
 *   the older key goes into the entry's history, naming who set it and when;
 * - an edit beats a concurrent delete, and the merge says so (a notice), so a key someone still
 *   uses is never dropped by a teammate who thought it gone.
 * Pure: no files, no keys. The resolver (merge-resolver.ts) decrypts, checks signatures and signs.
 */
export type TeamRecord = TeamEntry | TeamTombstone;

export type MergeNotice =
  | { kind: 'edit-kept-over-delete'; entryId: string; name: string; deletedBy: string; editedBy: string }
  | { kind: 'newer-kept'; entryId: string; name: string; keptFrom: string; olderFrom: string; fields: string[] };

export interface MergeOutcome {
  kept: TeamRecord;
  notice: MergeNotice | null;
}

const isTombstone = (record: TeamRecord): record is TeamTombstone => 'deleted' in record;

const FIELDS = ['name', 'service', 'scheme', 'baseUrl', 'allowedHosts', 'tags', 'notes', 'expiresAt'] as const;
type MergedField = (typeof FIELDS)[number];

/** Null when neither side has the file any more (both deleted it outright). */
export function mergeTeamRecords(
  ours: TeamRecord | null,
  theirs: TeamRecord | null,
  base: TeamRecord | null,
  now: Date,
): MergeOutcome | null {
  if (ours === null || theirs === null) {
    const kept = ours ?? theirs;
    return kept === null ? null : { kept, notice: null };
  }
  if (isTombstone(ours) && isTombstone(theirs)) return { kept: theirs, notice: null };
  if (isTombstone(ours) || isTombstone(theirs)) {
    const [entry, tombstone] = isTombstone(ours) ? [theirs as TeamEntry, ours] : [ours, theirs as TeamTombstone];
    const notice: MergeNotice = {
      kind: 'edit-kept-over-delete',
      entryId: entry.id,
      name: entry.name,
      deletedBy: tombstone.deletedBy,
      editedBy: entry.updatedBy,
    };
    return { kept: entry, notice };
  }
  return mergeEntries(ours, theirs, base !== null && !isTombstone(base) ? base : null, now);
}

/** Which side's change is newer: the later `updatedAt`; a tie goes to the remote, so every member agrees. */
const oursIsNewer = (ours: TeamEntry, theirs: TeamEntry): boolean => ours.updatedAt > theirs.updatedAt;

function mergeEntries(ours: TeamEntry, theirs: TeamEntry, base: TeamEntry | null, now: Date): MergeOutcome {
  const [newer, older] = oursIsNewer(ours, theirs) ? [ours, theirs] : [theirs, ours];
  const both: string[] = [];
  const pick = <K extends MergedField | 'secret'>(field: K): TeamEntry[K] => {
    if (isDeepStrictEqual(ours[field], theirs[field])) return theirs[field];
    if (base !== null && isDeepStrictEqual(ours[field], base[field])) return theirs[field];
    if (base !== null && isDeepStrictEqual(theirs[field], base[field])) return ours[field];
    both.push(field);
    return newer[field];
  };
  const fields = Object.fromEntries(FIELDS.map((field) => [field, pick(field)])) as Pick<TeamEntry, MergedField>;
  const secret = pick('secret');
  const current = secret === newer.secret ? newer : older;
  const displaced =
    both.includes('secret') && older.secret !== secret
      ? [{ version: older.version, value: older.secret, replacedAt: older.updatedAt, by: older.updatedBy }]
      : [];
  const { history, version } = mergedHistory(
    [...theirs.history, ...ours.history, ...displaced],
    secret,
    current.version,
  );
  const merged: TeamEntry = {
    id: theirs.id,
    ...fields,
    secret,
    version,
    history,
    updatedAt: newer.updatedAt,
    updatedBy: newer.updatedBy,
  };
  // Said even when one side's record wins whole: the other member's change to that field is gone.
  const notice: MergeNotice | null =
    both.length === 0
      ? null
      : {
          kind: 'newer-kept',
          entryId: merged.id,
          name: merged.name,
          keptFrom: newer.updatedBy,
          olderFrom: older.updatedBy,
          fields: both,
        };
  if (isDeepStrictEqual(merged, theirs)) return { kept: theirs, notice };
  if (isDeepStrictEqual(merged, ours)) return { kept: ours, notice };
  // A combination of both is a new change: dated after either, so every member takes it in.
  merged.updatedAt = laterThan(now, ours.updatedAt, theirs.updatedAt);
  return { kept: merged, notice };
}

function laterThan(now: Date, ...dates: string[]): string {
  const latest = Math.max(now.getTime(), ...dates.map((date) => Date.parse(date) + 1));
  return new Date(latest).toISOString();
}

/**
 * Both sides' previous keys, each value once (the earliest record of it), never the current key.
 * Versions are kept while they stay unique and below the current one; otherwise (both sides made a
 * "version 2") every item is numbered again in the order the keys were replaced.
 */
function mergedHistory(
  items: TeamEntry['history'],
  secret: string,
  currentVersion: number,
): { history: TeamEntry['history']; version: number } {
  const byValue = new Map<string, TeamEntry['history'][number]>();
  for (const item of items) {
    if (item.value === secret) continue;
    const seen = byValue.get(item.value);
    if (seen === undefined || item.replacedAt < seen.replacedAt) byValue.set(item.value, item);
  }
  const history = [...byValue.values()].sort(
    (a, b) => a.replacedAt.localeCompare(b.replacedAt) || a.version - b.version,
  );
  const versions = history.map((item) => item.version);
  const unique = new Set(versions).size === versions.length;
  const ordered = versions.every((v, at) => at === 0 || v > (versions[at - 1] ?? 0));
  if (unique && ordered && versions.every((v) => v < currentVersion)) return { history, version: currentVersion };
  const renumbered = history.map((item, at) => ({ ...item, version: at + 1 }));
  return { history: renumbered, version: renumbered.length + 1 };
}
