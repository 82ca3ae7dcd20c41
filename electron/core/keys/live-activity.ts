import { ACTIVITY_LIST_MAX, type ActivityListItem, type ChainCheck } from '../../../shared/domain/activity';
import type { ActivityQuery } from '../activity/activity-log';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey } from '../db/ops';
import { keyLabel } from './key-records';
import type { UsageRecorder } from './usage-recorder';

const HOUR_MS = 60 * 60 * 1000;

/** What Activity lists: the chained log, with the verifications not yet sealed into it on top. */
export interface LiveActivity {
  list(query?: ActivityQuery): ActivityListItem[];
  check(): Promise<ChainCheck>;
}

/**
 * Verifications are sealed into one "verified ×N" record per key and hour once the hour is over
 * (usage-recorder.ts), so the chain never holds a record that changes. Until then they are counted in
 * keyhaven.json's buckets (every process's, once flushed) and this process's last second in memory.
 * The list shows those counts at once as provisional records, newest hour first, above the log: the
 * current hour's grows with each verification, and is replaced by its sealed record when the hour is
 * sealed. They are in no file and have no number (`seq` 0).
 */
export function liveActivity(db: KeyhavenDb, recorder: UsageRecorder, clock: Clock): LiveActivity {
  return {
    check: () => db.activity.check(),
    list(query = {}) {
      const limit = Math.min(query.limit ?? ACTIVITY_LIST_MAX, ACTIVITY_LIST_MAX);
      const pending = query.since === undefined ? unsealed(db, recorder, clock, query) : [];
      const sealed = db.activity.list({ ...query, limit: Math.max(limit - pending.length, 0) });
      return [...pending.slice(0, limit), ...sealed];
    },
  };
}

function unsealed(db: KeyhavenDb, recorder: UsageRecorder, clock: Clock, query: ActivityQuery): ActivityListItem[] {
  const data = db.snapshot();
  const counts = new Map<string, { issuedKeyId: string; hourStartMs: number; count: number }>();
  const add = (issuedKeyId: string, hourStartMs: number, count: number) => {
    const id = `${issuedKeyId}@${hourStartMs}`;
    const found = counts.get(id);
    if (found) found.count += count;
    else counts.set(id, { issuedKeyId, hourStartMs, count });
  };
  for (const bucket of data.verifyBuckets) add(bucket.issuedKeyId, Date.parse(bucket.hourStart), bucket.count);
  for (const key of data.keys) {
    if (query.issuedKeyId !== undefined && key.id !== query.issuedKeyId) continue;
    for (const pending of recorder.pendingByHour(key.id)) add(key.id, pending.hourStartMs, pending.count);
  }
  const currentHour = Math.floor(clock.now().getTime() / HOUR_MS) * HOUR_MS;
  const items: ActivityListItem[] = [];
  for (const { issuedKeyId, hourStartMs, count } of counts.values()) {
    const key = findKey(data, issuedKeyId);
    if (!key) continue;
    if (query.issuedKeyId !== undefined && key.id !== query.issuedKeyId) continue;
    if (query.appId !== undefined && key.appId !== query.appId) continue;
    const times = `${count} time${count === 1 ? '' : 's'}`;
    const when = hourStartMs >= currentHour ? 'this hour so far' : 'in this hour (not sealed yet)';
    items.push({
      seq: 0,
      provisional: true,
      at: new Date(hourStartMs).toISOString(),
      type: 'key.verified',
      appId: key.appId,
      issuedKeyId: key.id,
      keyLabel: keyLabel(key),
      summary: `API key "${key.name}" verified ${times} ${when}`,
      count,
    });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
