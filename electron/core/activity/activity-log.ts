import { join } from 'node:path';
import {
  ACTIVITY_LIST_MAX,
  type ActivityRecord,
  type ActivityType,
  type ChainCheck,
} from '../../../shared/domain/activity';
import { acquireFileLock } from '../storage';
import { chainHash, GENESIS, stripChain, type ChainedRecord } from './chain-hash';
import { appendLines, cutTornTail, fileSize, readActivityFile } from './activity-file';
import { checkChain } from './check-chain';

export const ACTIVITY_FILE_NAME = 'activity.jsonl';

export interface ActivityEvent {
  type: ActivityType;
  appId: string;
  issuedKeyId?: string | null;
  keyLabel?: string | null;
  /** For people: names and public key labels only, never a secret. */
  summary: string;
  count?: number;
  /** Defaults to now; a sealed verification hour is recorded at the hour's start. */
  at?: Date;
}

export interface ActivityQuery {
  appId?: string | undefined;
  issuedKeyId?: string | undefined;
  limit?: number | undefined;
}

/**
 * The append-only, hash-chained activity log. Appends take the file's lock and first read anything
 * another process appended, so sequence numbers and hashes always continue the file's real tail.
 */
export class ActivityLog {
  private records: ActivityRecord[] = [];
  private tail = { seq: 0, hash: GENESIS };
  private knownSize = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async open(
    dataDir: string,
    now: () => Date,
    onError: (error: unknown) => void = () => undefined,
  ): Promise<ActivityLog> {
    const log = new ActivityLog(join(dataDir, ACTIVITY_FILE_NAME), now, onError);
    await log.catchUp();
    return log;
  }

  append(events: ActivityEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const run = this.queue.then(() => this.appendLocked(events));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Records what a committed change did. The change is already durable, so a failure to record it
   * (disk full, log damaged) must not turn the change into an error: the caller would lose what only
   * its answer carries — a new key's plaintext. The failure is reported to the log's error handler.
   */
  async record(events: ActivityEvent[]): Promise<void> {
    try {
      await this.append(events);
    } catch (error) {
      this.onError(error);
    }
  }

  /** Newest first. */
  list(query: ActivityQuery = {}): ActivityRecord[] {
    const limit = Math.min(query.limit ?? ACTIVITY_LIST_MAX, ACTIVITY_LIST_MAX);
    const out: ActivityRecord[] = [];
    for (let i = this.records.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const record = this.records[i] as ActivityRecord;
      if (query.appId !== undefined && record.appId !== query.appId) continue;
      if (query.issuedKeyId !== undefined && record.issuedKeyId !== query.issuedKeyId) continue;
      out.push({ ...record });
    }
    return out;
  }

  /** Re-reads the file from disk and verifies every link: what is on disk is what is checked. */
  async check(): Promise<ChainCheck> {
    return checkChain((await readActivityFile(this.file)).lines);
  }

  private async appendLocked(events: ActivityEvent[]): Promise<void> {
    const release = await acquireFileLock(this.file, { timeoutMs: 10_000 });
    try {
      await this.catchUp();
      const chained: ChainedRecord[] = [];
      let { seq, hash } = this.tail;
      for (const event of events) {
        seq += 1;
        const record: ActivityRecord = {
          seq,
          at: (event.at ?? this.now()).toISOString(),
          type: event.type,
          appId: event.appId,
          issuedKeyId: event.issuedKeyId ?? null,
          keyLabel: event.keyLabel ?? null,
          summary: event.summary,
          count: event.count ?? 1,
        };
        const prev = hash;
        hash = chainHash(record, prev);
        chained.push({ ...record, prev, hash });
      }
      this.knownSize += await appendLines(this.file, chained);
      for (const line of chained) this.records.push(stripChain(line));
      this.tail = { seq, hash };
    } finally {
      await release();
    }
  }

  /** Reads lines appended since we last looked (by us at open, or by another process). */
  private async catchUp(): Promise<void> {
    if ((await fileSize(this.file)) === this.knownSize) return;
    const { lines, size } = await readActivityFile(this.file, this.knownSize);
    await cutTornTail(this.file, size);
    for (const { record } of lines) {
      if (record === null) continue;
      this.records.push(stripChain(record));
      if (typeof record.seq === 'number' && typeof record.hash === 'string')
        this.tail = { seq: record.seq, hash: record.hash };
    }
    this.knownSize = size;
  }
}
