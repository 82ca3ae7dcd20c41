/**
 * Keeps a journaled store's memory in step with what other processes commit to the same file (the
 * command line, a second harness): it asks the store whether the file or its journal changed on disk —
 * two stats, no lock, nothing read when nothing changed — and if so the store catches up under the
 * lock. It asks when the folder reports a change to one of the store's files (fs.watch: inotify,
 * FSEvents, ReadDirectoryChangesW), and every `everyMs` in any case, since a watch can miss events (a
 * network share, a folder that did not exist yet). So another process's commit is visible to every
 * read here within milliseconds, and within one interval plus the catch-up at worst; a revocation
 * made elsewhere is honoured by this process's verification. Listeners hear of each change that came
 * from outside. Neither the timer nor the watch keeps a process alive.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FollowedStore {
  /** The data file; its folder is watched for it and its journal. */
  readonly file: string;
  /** Catches up when the disk changed; true when the data in memory changed. */
  refreshFromDisk(): Promise<boolean>;
}

/** 50 ms: a commit elsewhere shows here within 100 ms with room for the catch-up (bench: cross-process). */
export const FOLLOW_EVERY_MS = 50;

export class StoreFollower {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private watcher: FSWatcher | null = null;
  private busy = false;
  /** A change reported while a check ran: check once more right after it. */
  private again = false;

  constructor(
    private readonly store: FollowedStore,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.timer || this.everyMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
    this.watchFolder();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watcher?.close();
    this.watcher = null;
    this.listeners.clear();
  }

  private watchFolder(): void {
    const name = basename(this.store.file);
    try {
      this.watcher = watch(dirname(this.store.file), { persistent: false }, (_event, changed) => {
        // The file, its journal or its lock (a commit elsewhere releases it last); not the temps.
        if (typeof changed !== 'string' || !changed.startsWith(name) || changed.endsWith('.tmp')) return;
        void this.tick();
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null; // the interval goes on
      });
    } catch {
      this.watcher = null; // no folder yet, or no watching here: the interval alone
    }
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async tick(): Promise<void> {
    if (this.busy) {
      this.again = true; // not stacked up behind itself, but not missed either
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        if (await this.store.refreshFromDisk()) for (const listener of this.listeners) listener();
      } while (this.again && this.timer);
    } catch (error) {
      // The store has forgotten what it knew and reloads on its next use, which reports the problem.
      this.onError(error);
    } finally {
      this.busy = false;
    }
  }
}
