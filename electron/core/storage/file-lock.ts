/**
 * A cross-process lock around one data file's read-modify-write: `<file>.lock`, created with O_EXCL
 * and holding `{ pid, createdAt, token }`.
 *
 * Why a lock is stale when its owner's pid is dead, rather than proper-lockfile's "mtime older than N
 * seconds": a Keyhaven killed with -9 (or crashed, or cut off by a power loss) leaves its lock behind,
 * and an mtime rule would make the next launch wait out the whole stale period (10 s by default) before
 * it could save anything, while the pid answers at once. That is sound here because the lock is only
 * ever shared between processes on one machine (the data folder is local and the app is
 * single-instance; the others are the browser harness, tools and tests). A lock file is linked into
 * place already filled, so it is never seen empty; one that still cannot be read (a file system without
 * hard links, a writer killed mid-write there, or a stray file) falls back to age: stale after 30 s. The
 * residual risk is pid reuse — a dead owner's pid taken by an unrelated process keeps the lock looking
 * live until the timeout, whose message tells the user which file to delete.
 *
 * Two processes that judge the same lock stale must not end up with one deleting the other's fresh
 * lock, so removal happens only while holding `<file>.lock.break` (held for a few syscalls).
 *
 * Fairness: a waiter leaves `<file>.lock.next`, and nobody else takes a free lock while a recent one
 * from a live process is there. Without it a process saving back to back re-takes the lock
 * microseconds after releasing it, and a polling waiter starves until it times out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  isProcessAlive,
  newRecord,
  observe,
  readLockFile,
  removeIfOwned,
  removeIfSameFile,
  tryCreate,
  unlinkIfPresent,
} from './lock-files';
import { StorageError } from './storage-error';

export interface FileLockOptions {
  timeoutMs: number;
}

export type ReleaseFileLock = () => Promise<void>;

/** How long others leave a free lock to the waiter that marked itself next (it polls every ~2 ms). */
const NEXT_HONOURED_MS = 1_000;
const FIRST_DELAY_MS = 2;
const MAX_DELAY_MS = 50;

/** Waits for `<file>.lock`; resolves with a release function, or throws StorageError LOCK_TIMEOUT. */
export async function acquireFileLock(file: string, options: FileLockOptions): Promise<ReleaseFileLock> {
  const lockPath = `${file}.lock`;
  const nextPath = `${lockPath}.next`;
  const me = newRecord();
  const started = performance.now();
  let delay = FIRST_DELAY_MS;
  let holderPid: number | undefined;
  let amNext = false;
  try {
    for (;;) {
      let retryNow = false;
      if (amNext || !(await someoneElseIsNext(nextPath, me.token))) {
        if (await tryCreate(lockPath, me)) return releaser(lockPath, me.token);
        const seen = await observe(lockPath);
        if (seen.kind === 'free') retryNow = true;
        else if (seen.kind === 'stale') retryNow = await breakStale(lockPath);
        else holderPid = seen.pid;
        if (!retryNow && !amNext) amNext = await tryCreate(nextPath, me);
      }
      const waited = performance.now() - started;
      if (waited >= options.timeoutMs) throw StorageError.lockTimeout(file, lockPath, waited, holderPid);
      if (retryNow) continue;
      const pause = amNext ? FIRST_DELAY_MS : delay;
      await sleep(Math.min(pause * (0.5 + Math.random()), options.timeoutMs - waited + 1));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  } catch (error) {
    throw error instanceof StorageError ? error : StorageError.io(file, 'lock for saving', error);
  } finally {
    if (amNext) await removeIfOwned(nextPath, me.token).catch(() => undefined);
  }
}

function releaser(lockPath: string, token: string): ReleaseFileLock {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await removeIfOwned(lockPath, token);
  };
}

/** Removes a stale lock under `<lock>.break`; true when the lock is gone afterwards. */
async function breakStale(lockPath: string): Promise<boolean> {
  const breakPath = `${lockPath}.break`;
  const me = newRecord();
  if (!(await tryCreate(breakPath, me))) {
    // Another process is breaking it; clear its marker only if that breaker died mid-way.
    const other = await observe(breakPath);
    if (other.kind === 'stale') await removeIfSameFile(breakPath, other.ino);
    return false;
  }
  try {
    const again = await observe(lockPath);
    if (again.kind === 'stale') await unlinkIfPresent(lockPath);
    return again.kind !== 'held';
  } finally {
    await removeIfOwned(breakPath, me.token);
  }
}

/** True while another live waiter's recent `.next` mark stands; clears a dead or expired mark. */
async function someoneElseIsNext(nextPath: string, token: string): Promise<boolean> {
  const seen = await readLockFile(nextPath);
  if (!seen || seen.record?.token === token) return false;
  const fresh = seen.ageMs < NEXT_HONOURED_MS;
  if (fresh && (!seen.record || isProcessAlive(seen.record.pid))) return true;
  await removeIfSameFile(nextPath, seen.ino);
  return false;
}
