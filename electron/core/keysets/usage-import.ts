import { parseUsageFile, UsageFileError, USAGE_KEPT_DAYS } from '../../../shared/verify/usage-file';
import type { ActivityEvent } from '../activity/activity-event';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { KeyhavenFile } from '../db/schema';
import { CoreError } from '../errors';
import { keyLabel } from '../keys/key-records';
import { keysByKeyId } from '../keys/verify';

const HOUR_MS = 3_600_000;
/** More than this in one hour (≈280,000 a second for a whole hour) is not a count a verifier wrote. */
const MAX_PER_HOUR = 1_000_000_000;

export interface UsageImported {
  app: string;
  /** Keys with new uses in this file. */
  keys: number;
  /** Verifications not imported before. */
  uses: number;
  /** Key ids in the file that are not this app's keys here (another data folder's, say). */
  unknownKeys: number;
}

type Entry = { id: string; hourStart: string; count: number; lastUsedAt: string };

/**
 * Imports a service's usage file (written by its verifier, shared/verify/usage-file.ts) into the app's
 * keys: Last used, the use count and one activity record per key. Counts in the file are cumulative,
 * so what was taken from the same file (its `source`) before is subtracted: importing it again, or a
 * later version of it, adds only what is new. Nothing in it is trusted beyond counts and times of this
 * app's own key ids.
 */
export async function importServiceUsage(db: KeyhavenDb, text: string, now: Date): Promise<UsageImported> {
  let file: ReturnType<typeof parseUsageFile>;
  try {
    file = parseUsageFile(text);
  } catch (error) {
    if (error instanceof UsageFileError) throw new CoreError('INVALID_INPUT', error.message);
    throw error;
  }
  // Stored as given: bounded here, as the data file's schema bounds it.
  if (file.source.length > 64) throw new CoreError('INVALID_INPUT', 'The usage file has a malformed source id.');
  const thisHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const forgetBefore = new Date(thisHour - USAGE_KEPT_DAYS * 24 * HOUR_MS);
  // Hours past the next one (a service's clock far ahead) are skipped: the future is never stored.
  const latestHour = new Date(thisHour + HOUR_MS).toISOString();
  for (const usage of Object.values(file.keys)) {
    if (Object.values(usage.hours).some((count) => count > MAX_PER_HOUR))
      throw new CoreError('INVALID_INPUT', 'The usage file counts more verifications in an hour than a service makes.');
  }
  return db.commit((data) => {
    const app = data.apps.find((candidate) => candidate.id === file.app.id);
    if (!app)
      throw new CoreError('NOT_FOUND', 'This usage file is from a service of an app this Keyhaven does not have.');
    const taken = takenFrom(data, file.source);
    const byKeyId = keysByKeyId(data.keys);
    const entries: Entry[] = [];
    const activity: ActivityEvent[] = [];
    let unknownKeys = 0;
    for (const [keyId, usage] of Object.entries(file.keys)) {
      const key = byKeyId.get(keyId);
      if (!key || key.appId !== app.id) {
        unknownKeys += 1;
        continue;
      }
      // A service's clock may run ahead: Last used is never later than now here, and always ISO.
      const lastUsedMs = Math.max(Math.min(Date.parse(usage.lastUsedAt), now.getTime()), forgetBefore.getTime());
      const lastUsedAt = new Date(lastUsedMs).toISOString();
      let added = 0;
      for (const [hourStart, total] of Object.entries(usage.hours)) {
        if (hourStart < forgetBefore.toISOString() || hourStart > latestHour) continue;
        const count = total - (taken.get(`${key.id} ${hourStart}`) ?? 0);
        if (count <= 0) continue;
        entries.push({ id: key.id, hourStart, count, lastUsedAt });
        added += count;
      }
      if (added === 0) continue;
      activity.push({
        type: 'key.usageImported',
        appId: app.id,
        issuedKeyId: key.id,
        keyLabel: keyLabel(key),
        count: added,
        summary: `API key "${key.name}" verified ${added} time${added === 1 ? '' : 's'} by your service (imported usage)`,
      });
    }
    const result = {
      app: app.name,
      keys: activity.length,
      uses: entries.reduce((sum, entry) => sum + entry.count, 0),
      unknownKeys,
    };
    if (entries.length === 0) return { ops: [], result };
    return {
      ops: [{ type: 'usage.import', source: file.source, entries, forgetBefore: forgetBefore.toISOString() }],
      result,
      activity,
    };
  });
}

function takenFrom(data: Readonly<KeyhavenFile>, source: string): Map<string, number> {
  const taken = new Map<string, number>();
  for (const usage of data.importedUsage)
    if (usage.source === source) taken.set(`${usage.issuedKeyId} ${usage.hourStart}`, usage.count);
  return taken;
}
