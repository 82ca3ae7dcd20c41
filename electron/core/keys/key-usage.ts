import { KEY_USAGE_DAYS, type KeyUsage } from '../../../shared/domain/issued-key';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey } from '../db/ops';
import { notFound } from '../errors';
import type { UsageRecorder } from './usage-recorder';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * A key's verifications by this Keyhaven (local test API, command line, Check a key) per day over the
 * last KEY_USAGE_DAYS days, for the chart on its page. Uses are kept per hour in three places, each
 * counted once: hours that are over were sealed into the activity log ("verified ×N"); the hours not
 * yet sealed are buckets in keyhaven.json; the last second's uses are still in the recorder's memory.
 * Usage imported from a service is left out: its record carries the time of the import, not of the
 * uses. Days are the page's, from its offset to UTC.
 */
export class KeyUsageReport {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly recorder: UsageRecorder,
    private readonly clock: Clock,
  ) {}

  perDay(issuedKeyId: string, utcOffsetMinutes: number): KeyUsage {
    const data = this.db.snapshot();
    if (!findKey(data, issuedKeyId)) throw notFound('The API key');
    const offsetMs = utcOffsetMinutes * MINUTE_MS;
    const dayNumber = (ms: number): number => Math.floor((ms + offsetMs) / DAY_MS);
    const today = dayNumber(this.clock.now().getTime());
    const first = today - (KEY_USAGE_DAYS - 1);
    const counts = new Array<number>(KEY_USAGE_DAYS).fill(0);
    const add = (ms: number, count: number): void => {
      const day = dayNumber(ms);
      if (day >= first && day <= today) counts[day - first] = (counts[day - first] ?? 0) + count;
    };
    // A day starts at most 14 hours before its UTC midnight: records from before cannot count.
    const since = new Date((first - 1) * DAY_MS).toISOString();
    for (const record of this.db.activity.list({ issuedKeyId, since })) {
      if (record.type === 'key.verified') add(Date.parse(record.at), record.count);
    }
    for (const bucket of data.verifyBuckets) {
      if (bucket.issuedKeyId === issuedKeyId) add(Date.parse(bucket.hourStart), bucket.count);
    }
    for (const pending of this.recorder.pendingByHour(issuedKeyId)) add(pending.hourStartMs, pending.count);
    const days = counts.map((count, index) => ({ day: isoDay((first + index) * DAY_MS), count }));
    return { days, total: counts.reduce((sum, count) => sum + count, 0) };
  }
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
