import type { ActivityEvent } from '../activity/activity-event';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey, type Op } from '../db/ops';
import { keyLabel } from './key-records';

export const USAGE_FLUSH_MS = 1_000;
const HOUR_MS = 60 * 60 * 1000;

interface Pending {
  count: number;
  lastUsedMs: number;
}

const hourStartOf = (at: Date): string => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString();

/**
 * Last-used and use-count without a disk write per verification: uses are counted in memory and
 * committed at most once a second (and on close), so a crash loses at most a second of counts. Each
 * flush also adds to per-key, per-hour buckets; a bucket whose hour is over is sealed into the activity
 * log as one "verified ×N" record, in the same commit that takes it out of the data file.
 */
export class UsageRecorder {
  /** hour number (ms / HOUR_MS) → key id → counts: numbers on the hot path, ISO strings only at flush. */
  private pending = new Map<number, Map<string, Pending>>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: KeyhavenDb,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void,
    /** After each flush that wrote counts: the page's Activity shows this hour's so far (live-activity.ts). */
    private readonly onCounted: () => void = () => undefined,
  ) {}

  record(issuedKeyId: string, at: Date): void {
    const ms = at.getTime();
    const hour = Math.floor(ms / HOUR_MS);
    let byHour = this.pending.get(hour);
    if (!byHour) this.pending.set(hour, (byHour = new Map()));
    const entry = byHour.get(issuedKeyId);
    if (entry) {
      entry.count += 1;
      if (entry.lastUsedMs < ms) entry.lastUsedMs = ms;
    } else {
      byHour.set(issuedKeyId, { count: 1, lastUsedMs: ms });
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush().catch(this.onError);
    }, USAGE_FLUSH_MS).unref();
  }

  /** Uses counted but not yet written, so lists show them before the next flush. */
  pendingFor(issuedKeyId: string): { count: number; lastUsedAt: string } | null {
    let count = 0;
    let last = -Infinity;
    for (const byKey of this.pending.values()) {
      const entry = byKey.get(issuedKeyId);
      if (!entry) continue;
      count += entry.count;
      if (entry.lastUsedMs > last) last = entry.lastUsedMs;
    }
    return count === 0 ? null : { count, lastUsedAt: new Date(last).toISOString() };
  }

  /** The same, per hour, for the per-day chart of the key's page (keys/key-usage.ts). */
  pendingByHour(issuedKeyId: string): { hourStartMs: number; count: number }[] {
    const out: { hourStartMs: number; count: number }[] = [];
    for (const [hour, byKey] of this.pending) {
      const entry = byKey.get(issuedKeyId);
      if (entry) out.push({ hourStartMs: hour * HOUR_MS, count: entry.count });
    }
    return out;
  }

  /** Commits pending counts and seals finished hours; safe to call at any time. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.flushNow());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async flushNow(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const entries = [...batch].flatMap(([hour, byKey]) => {
      const hourStart = new Date(hour * HOUR_MS).toISOString();
      return [...byKey].map(([id, p]) => ({
        id,
        count: p.count,
        lastUsedAt: new Date(p.lastUsedMs).toISOString(),
        hourStart,
      }));
    });
    if (entries.length > 0) {
      try {
        await this.db.commit(() => ({ ops: [{ type: 'usage.add', entries }], result: null }));
      } catch (error) {
        // Not written: the counts go back, to be retried with the next flush.
        this.restore(batch);
        throw error;
      }
    }
    await this.sealFinishedHours();
    if (entries.length > 0) this.onCounted();
  }

  private restore(batch: Map<number, Map<string, Pending>>): void {
    for (const [hour, byKey] of batch) {
      for (const [id, p] of byKey) {
        let byHour = this.pending.get(hour);
        if (!byHour) this.pending.set(hour, (byHour = new Map()));
        const entry = byHour.get(id);
        if (entry) {
          entry.count += p.count;
          entry.lastUsedMs = Math.max(entry.lastUsedMs, p.lastUsedMs);
        } else {
          byHour.set(id, { ...p });
        }
      }
    }
  }

  /**
   * Buckets of hours that are over become one activity record each and leave the data file, in one
   * commit: a crash neither loses nor repeats a record. The seal subtracts exactly the recorded count,
   * so uses that joined the bucket meanwhile are kept.
   */
  private async sealFinishedHours(): Promise<void> {
    const currentHour = hourStartOf(this.now());
    if (!this.db.snapshot().verifyBuckets.some((b) => b.hourStart < currentHour)) return;
    await this.db.commit((data) => {
      const finished = data.verifyBuckets.filter((b) => b.hourStart < currentHour);
      const events: ActivityEvent[] = [];
      for (const bucket of finished) {
        const key = findKey(data, bucket.issuedKeyId);
        if (!key) continue;
        events.push({
          type: 'key.verified',
          at: new Date(bucket.hourStart),
          appId: key.appId,
          issuedKeyId: key.id,
          keyLabel: keyLabel(key),
          count: bucket.count,
          summary: `API key "${key.name}" verified ${bucket.count} time${bucket.count === 1 ? '' : 's'} in this hour`,
        });
      }
      const ops: Op[] = finished.map((b) => ({
        type: 'bucket.seal',
        issuedKeyId: b.issuedKeyId,
        hourStart: b.hourStart,
        count: b.count,
      }));
      return { ops, result: null, activity: events };
    });
  }
}
