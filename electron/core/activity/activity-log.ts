import { join } from 'node:path';
import { ACTIVITY_LIST_MAX, type ActivityRecord, type ChainCheck } from '../../../shared/domain/activity';
import { acquireFileLock } from '../storage';
import { chainEvents, EMPTY_HEAD, type ActivityEvent, type ChainHead } from './activity-event';
import { stripChain, type ChainedRecord } from './chain-hash';
import { appendLines, cutTornTail, fileSize, readActivityFile, tailStart } from './activity-file';
import { checkChain } from './check-chain';
import { ActivityDeliveryError } from './delivery-error';

export const ACTIVITY_FILE_NAME = 'activity.jsonl';

/** How much of the log's end a tail-only open reads: many records (each well under 1 KiB). */
const TAIL_WINDOW = 64 * 1024;

export interface ActivityQuery {
  appId?: string | undefined;
  issuedKeyId?: string | undefined;
  limit?: number | undefined;
  /**
   * Only records at or after this instant, however many (in main only: the channel has no `since`).
   * Records are in commit order, not time order (an hour's verifications are recorded after it), so
   * the whole log is read.
   */
  since?: string | undefined;
}

/**
 * `activity.jsonl`, the readable copy of the hash-chained activity log. Records are numbered, chained
 * and committed with the change they record in keyhaven.json (db/recorded-commit.ts); this class then
 * delivers them here, under the file's lock, after reading anything another process delivered, so the
 * file only ever continues its real tail.
 */
export class ActivityLog {
  private records: ActivityRecord[] = [];
  private tail: ChainHead = EMPTY_HEAD;
  private knownSize = 0;

  private constructor(
    readonly file: string,
    private readonly tailOnly: boolean,
  ) {}

  /**
   * `tailOnly`, for a short-lived process (the command line): only the last lines are read, which is
   * all delivery needs (the chain's tail), so a start does not grow with the log; such a log cannot be
   * listed. `check()` reads the whole file either way.
   */
  static async open(dataDir: string, options: { tailOnly?: boolean } = {}): Promise<ActivityLog> {
    const log = new ActivityLog(join(dataDir, ACTIVITY_FILE_NAME), options.tailOnly === true);
    if (log.tailOnly) log.knownSize = await tailStart(log.file, TAIL_WINDOW);
    // No lock: opening must not create the folder; a torn line is cut by the first delivery.
    await log.catchUp({ cutTornTail: false });
    return log;
  }

  /** The last record known to be in the file: what a commit may drop from its outbox. */
  get delivered(): ChainHead {
    return this.tail;
  }

  /**
   * Appends the committed records the file does not hold yet. They must continue its last record: a
   * log that was shortened or rewritten is left as it is for the check to report, never appended to.
   */
  deliver(committed: readonly ChainedRecord[]): Promise<void> {
    if (committed.length === 0 || (committed.at(-1)?.seq ?? 0) <= this.tail.seq) return Promise.resolve();
    return this.locked(async () => {
      await this.catchUp({ cutTornTail: true });
      const missing = committed.filter((record) => record.seq > this.tail.seq);
      const first = missing[0];
      if (!first) return;
      if (first.seq !== this.tail.seq + 1 || first.prev !== this.tail.hash) {
        throw new ActivityDeliveryError(this.file, this.tail.seq, first.seq);
      }
      await this.write(missing);
    });
  }

  /**
   * Only for version 1 folders, whose activity lived in keyhaven.json (legacy-import.ts): chains the
   * events on from the file's tail before keyhaven.json has a head, which is then anchored to it.
   */
  appendBeforeAnchor(events: ActivityEvent[], now: Date): Promise<void> {
    return this.locked(async () => {
      await this.catchUp({ cutTornTail: true });
      await this.write(chainEvents(this.tail, events, now, 'app'));
    });
  }

  /** Reads what other processes delivered; lock-free, so a line being written is left for later. */
  async refresh(): Promise<void> {
    await this.catchUp({ cutTornTail: false });
  }

  /** Newest first. */
  list(query: ActivityQuery = {}): ActivityRecord[] {
    if (this.tailOnly)
      throw new Error('This activity log was opened for delivery only (tailOnly): it cannot be listed.');
    const limit = query.since !== undefined ? Infinity : Math.min(query.limit ?? ACTIVITY_LIST_MAX, ACTIVITY_LIST_MAX);
    const out: ActivityRecord[] = [];
    for (let i = this.records.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const record = this.records[i] as ActivityRecord;
      if (query.appId !== undefined && record.appId !== query.appId) continue;
      if (query.issuedKeyId !== undefined && record.issuedKeyId !== query.issuedKeyId) continue;
      if (query.since !== undefined && record.at < query.since) continue;
      out.push({ ...record });
    }
    return out;
  }

  /**
   * Re-reads the whole file and verifies every link, and that it ends at the committed head. `head`
   * is asked for under the file's lock: no process can deliver past it while the file is read.
   */
  check(head: () => Promise<ChainHead | null>): Promise<ChainCheck> {
    return this.locked(async () => checkChain((await readActivityFile(this.file)).lines, await head()));
  }

  private async write(records: ChainedRecord[]): Promise<void> {
    this.knownSize += await appendLines(this.file, records);
    if (!this.tailOnly) for (const line of records) this.records.push(stripChain(line));
    const last = records.at(-1);
    if (last) this.tail = { seq: last.seq, hash: last.hash };
  }

  /** Reads lines appended since we last looked (by us at open, or by another process). */
  private async catchUp(options: { cutTornTail: boolean }): Promise<void> {
    const size = await fileSize(this.file);
    if (size === this.knownSize) return;
    if (size < this.knownSize) {
      // Shortened or replaced outside Keyhaven: start over from what is there now, so nothing is ever
      // appended after a gap (deliver refuses, and the check says what is missing).
      this.records = [];
      this.tail = EMPTY_HEAD;
      this.knownSize = 0;
    }
    const read = await readActivityFile(this.file, this.knownSize);
    if (options.cutTornTail) await cutTornTail(this.file, read.size);
    for (const { record } of read.lines) {
      if (record === null) continue;
      if (!this.tailOnly) this.records.push(stripChain(record));
      if (typeof record.seq === 'number' && typeof record.hash === 'string')
        this.tail = { seq: record.seq, hash: record.hash };
    }
    this.knownSize = read.size;
  }

  private async locked<R>(job: () => Promise<R>): Promise<R> {
    const release = await acquireFileLock(this.file, { timeoutMs: 10_000 });
    try {
      return await job();
    } finally {
      await release();
    }
  }
}
