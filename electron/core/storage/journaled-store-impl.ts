/**
 * The running journaled store (see journaled-store.ts for the design): in-process commits run one at a
 * time from a queue; each takes the file lock, catches up with other processes, then plans, applies and
 * appends. Memory always mirrors the disk: whenever a commit fails after touching the data, the data is
 * reloaded from disk, and if even that fails the store forgets what it knew and reloads on the next call.
 */
import { Low } from 'lowdb';
import { findRestorableBackup } from './backup-candidates';
import { DurableJsonFile, sameIdentity, statIdentity } from './durable-json-file';
import { Loader, type Loaded } from './document-loader';
import { StorageError } from './storage-error';
import { acquireFileLock } from './file-lock';
import { Journal } from './journal';
import { orphanJournal } from './journal-errors';
import { FOLLOW_EVERY_MS, StoreFollower } from './store-follower';
import { encodeEntry, isWhole } from './journal-format';
import { parseOps, replayEntries, validateWithJournalSeq, type ReplayContext } from './journal-replay';
import type { Journaled, JournaledStore, JournaledStoreOptions } from './journaled-store-types';

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const DEFAULT_COMPACT_AFTER = { commits: 5_000, bytes: 16 * 1024 * 1024 };

export class JournaledStoreImpl<T extends Journaled, Op> implements JournaledStore<T, Op> {
  /** Set when memory can no longer be trusted to match the disk (see transact). */
  private poisoned: StorageError | null = null;
  readonly file: string;
  readonly lockTimeoutMs: number;
  /** lowdb's Low holds the document; it is loaded by startEmpty() or reload() before the store is handed out. */
  private readonly low: Low<T>;
  private readonly adapter: DurableJsonFile<T>;
  private readonly loader: Loader<T>;
  private readonly journal: Journal;
  private readonly replay: ReplayContext<T, Op>;
  /** The last seq reflected in `data`, and the highest seq read from the journal file (journal-replay.ts). */
  private readonly position = { applied: 0, seen: 0 };
  private queue: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private readonly follower: StoreFollower;

  constructor(private readonly o: JournaledStoreOptions<T, Op>) {
    this.file = o.file;
    this.lockTimeoutMs = o.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    const validate = (raw: unknown) => validateWithJournalSeq(raw, o.validate);
    // A damage report names the copy that restores the most (backup-candidates.ts).
    const findBackup = (failed: string) =>
      findRestorableBackup({ schemaVersion: o.schemaVersion, validate }, o.file, failed);
    this.adapter = new DurableJsonFile<T>(o.file, findBackup);
    this.low = new Low<T>(this.adapter, o.defaults());
    this.loader = new Loader({ ...o, validate }, this.low, this.adapter);
    this.journal = new Journal(o.journalFile ?? `${o.file}.journal`, o.file);
    this.replay = { ...o, journal: this.journal.path };
    this.follower = new StoreFollower(this, o.followEveryMs ?? FOLLOW_EVERY_MS, o.onFollowError ?? (() => undefined));
  }

  /** From now on, other processes' commits reach memory within one interval (store-follower.ts). */
  follow(): void {
    this.follower.start();
  }

  onExternalChange(listener: () => void): () => void {
    return this.follower.onChange(listener);
  }

  /** No folder yet: defaults in memory, written (with the folder) by the first commit that has ops. */
  startEmpty(): void {
    this.low.data = this.checked(this.loader.defaults());
    this.adapter.identity = null;
  }

  snapshot(): Readonly<T> {
    if (this.poisoned) throw this.poisoned;
    return this.low.data;
  }

  commit<R>(plan: (data: Readonly<T>) => { ops: Op[]; result: R }): Promise<R> {
    if (this.poisoned) return Promise.reject(this.poisoned);
    const { prepareCommit } = this.o;
    if (!prepareCommit) return this.enqueue(() => this.transact(plan));
    return prepareCommit()
      .catch(() => undefined)
      .then(() => this.enqueue(() => this.transact(plan)));
  }

  compact(): Promise<void> {
    return this.enqueue(() => this.compactIfJournal());
  }

  close(): Promise<void> {
    this.follower.stop();
    this.closing ??= this.queue.then(async () => {
      try {
        if (this.o.shortLived !== true) await this.compactIfJournal();
      } finally {
        await this.closeHandles();
      }
    });
    return this.closing;
  }

  /** Reads the snapshot and the whole journal; always called with the lock held. */
  async reload(): Promise<Loaded<T>> {
    try {
      this.journal.rewind();
      const loaded = await this.loader.load();
      this.low.data = this.checked(loaded.data);
      this.position.applied = this.low.data.journalSeq;
      this.position.seen = 0;
      const entries = await this.journal.readNew();
      if (!loaded.existed && entries.length > 0) throw orphanJournal(this.journal.path, this.file, entries.length);
      replayEntries(this.low.data, entries, this.position, this.replay);
      return loaded;
    } catch (error) {
      this.forget();
      throw error;
    }
  }

  /**
   * Catches up with other processes' commits when the data file or its journal changed on disk (two
   * stats, no lock, when nothing did). True when the data in memory changed. store-follower.ts calls it.
   */
  async refreshFromDisk(): Promise<boolean> {
    if (this.poisoned || this.closing) return false;
    // What a commit elsewhere does: replace the data file, or grow its journal. A file or journal that
    // vanished is no commit (a folder being deleted): nothing to follow, and no lock file to leave.
    const onDisk = await statIdentity(this.file);
    const replaced = onDisk !== null && !sameIdentity(this.adapter.identity, onDisk);
    if (!replaced && (await this.journal.bytesOnDisk()) <= this.journal.size) return false;
    return this.enqueue(async () => {
      const before = { data: this.low.data, applied: this.position.applied };
      await this.locked(() => this.catchUp());
      return this.low.data !== before.data || this.position.applied !== before.applied;
    });
  }

  /** Writes the data as the snapshot (`.bak` kept), recording which journal entries it contains. */
  async writeSnapshot(): Promise<void> {
    this.low.data.journalSeq = this.position.applied;
    await this.low.write();
  }

  async closeHandles(): Promise<void> {
    await this.journal.close();
  }

  private async transact<R>(plan: (data: Readonly<T>) => { ops: Op[]; result: R }): Promise<R> {
    let compactNow: boolean;
    let result: R;
    const release = await acquireFileLock(this.file, { timeoutMs: this.lockTimeoutMs });
    try {
      await this.catchUp();
      const planned = plan(this.low.data);
      if (typeof planned !== 'object' || planned === null || !Array.isArray(planned.ops)) {
        throw new TypeError('commit() takes a synchronous plan that returns { ops, result }.');
      }
      result = planned.result;
      if (planned.ops.length === 0) return result;
      const planOps = this.o.sealOps ? this.o.sealOps(this.low.data, planned.ops) : planned.ops;
      const seq = this.position.applied + 1;
      const entry = encodeEntry(seq, this.o.schemaVersion, planOps);
      // Apply exactly what a replay will see: the ops parsed back from the line (and checked by parseOp).
      const ops = parseOps((JSON.parse(entry.body) as { ops: unknown[] }).ops, this.o.parseOp);
      // The snapshot is written before the first entry, so random defaults (ids) are fixed on disk.
      if (this.adapter.identity === null) await this.writeSnapshot();
      try {
        for (const op of ops) this.o.apply(this.low.data, op);
        await this.journal.append(entry.text);
      } catch (error) {
        // Half-applied or unsaved: take the disk's version. If even that fails, memory may show a
        // change that was never saved, so the store refuses every read and write until reopened
        // rather than let anyone act on it.
        await this.reload().catch((reloadError: unknown) => {
          this.poisoned = new StorageError(
            'IO',
            this.file,
            `Keyhaven could not save a change to ${this.file} and could not re-read the file afterwards. Quit and reopen Keyhaven; what is on disk is intact.`,
            { cause: reloadError },
          );
        });
        throw error;
      }
      this.position.applied = seq;
      this.position.seen = seq;
      const limit = this.o.compactAfter ?? DEFAULT_COMPACT_AFTER;
      compactNow = this.journal.lines >= limit.commits || this.journal.size >= limit.bytes;
    } finally {
      await release();
    }
    // The commit is durable whatever happens here; a failed compaction is retried after the next one.
    if (compactNow) await this.locked(() => this.compactLocked()).catch(() => undefined);
    return result;
  }

  /** Brings memory up to date with what other processes committed or compacted. */
  private async catchUp(): Promise<void> {
    if (!sameIdentity(this.adapter.identity, await statIdentity(this.file))) {
      await this.reload();
      return;
    }
    try {
      replayEntries(this.low.data, await this.journal.readNew(), this.position, this.replay);
    } catch (error) {
      this.forget();
      throw error;
    }
  }

  /** Without a journal file there is nothing to fold in (and no lock to take, which would create the folder). */
  private async compactIfJournal(): Promise<void> {
    if (await this.journal.exists()) await this.locked(() => this.compactLocked());
  }

  private async compactLocked(): Promise<void> {
    await this.catchUp();
    if (this.position.applied > this.low.data.journalSeq) {
      try {
        await this.writeSnapshot();
      } catch (error) {
        this.forget(); // journalSeq moved ahead of the file in memory: re-read before the next commit
        throw error;
      }
    }
    await this.journal.clear();
  }

  /** The next commit re-reads snapshot and journal instead of trusting memory. */
  private forget(): void {
    this.adapter.identity = undefined;
  }

  private async locked<R>(job: () => Promise<R>): Promise<R> {
    const release = await acquireFileLock(this.file, { timeoutMs: this.lockTimeoutMs });
    try {
      return await job();
    } finally {
      await release();
    }
  }

  private enqueue<R>(job: () => Promise<R>): Promise<R> {
    if (this.closing) return Promise.reject(new Error(`The store for ${this.file} is closed.`));
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private checked(data: T): T {
    if (isWhole(data.journalSeq)) return data;
    throw new Error(`validate() and defaults() for ${this.file} must keep journalSeq, a whole number.`);
  }
}
