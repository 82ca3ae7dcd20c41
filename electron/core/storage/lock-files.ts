/**
 * The small file operations the lock is built from: records of `{ pid, createdAt, token }` that are
 * created exclusively, read with their inode and age, and removed only by their owner or, for a
 * stale one, only if it is still the same file.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A lock whose content cannot be read is presumed abandoned after this long. */
const UNREADABLE_STALE_MS = 30_000;

export interface LockRecord {
  pid: number;
  createdAt: number;
  token: string;
}

export interface Seen {
  record: LockRecord | null;
  ino: number;
  ageMs: number;
}

export type Observed = { kind: 'free' } | { kind: 'held'; pid?: number } | { kind: 'stale'; ino: number };

export function newRecord(): LockRecord {
  return { pid: process.pid, createdAt: Date.now(), token: randomBytes(8).toString('hex') };
}

/** True unless the OS says no such process (EPERM means it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Safe without a break lock: nobody else removes a lock whose owner is alive and whose content is valid. */
export async function removeIfOwned(path: string, token: string): Promise<void> {
  const seen = await readLockFile(path);
  if (seen?.record?.token === token) await unlinkIfPresent(path);
}

/**
 * Creates `path` holding `record`, or returns false when someone else's file is already there. The
 * content is written to a temp file first and hard-linked into place (link fails if the name exists),
 * so a lock file is never seen empty: a process killed between creating and filling a lock would
 * otherwise leave one that only the 30 s age rule clears.
 */
export async function tryCreate(path: string, record: LockRecord): Promise<boolean> {
  const content = JSON.stringify({ ...record, createdAt: Date.now() });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  if (!(await createExclusive(temp, content))) throw new Error(`temp lock file ${temp} already exists`);
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    return createExclusive(path, content); // no hard links on this file system
  } finally {
    await unlinkIfPresent(temp);
  }
}

/** O_EXCL create-and-fill (creating the folder, 0700, if needed); false when the name is taken. */
export async function createExclusive(path: string, content: string): Promise<boolean> {
  const handle = await open(path, 'wx', 0o600).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return null;
    if (error.code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    return open(path, 'wx', 0o600).catch((again: NodeJS.ErrnoException) => {
      if (again.code === 'EEXIST') return null;
      throw again;
    });
  });
  if (!handle) return false;
  try {
    await handle.writeFile(content);
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlinkIfPresent(path);
    throw error;
  }
}

/** The record (null if unreadable), inode and age of a lock file; null when there is none. */
export async function readLockFile(path: string): Promise<Seen | null> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const info = await handle.stat();
    const text = await handle.readFile('utf8');
    return { record: parseRecord(text), ino: info.ino, ageMs: Date.now() - info.mtimeMs };
  } finally {
    await handle.close();
  }
}

function parseRecord(text: string): LockRecord | null {
  try {
    const value = JSON.parse(text) as Partial<LockRecord> | null;
    if (!value || typeof value !== 'object') return null;
    const { pid, createdAt, token } = value;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof token !== 'string') return null;
    return { pid, createdAt: typeof createdAt === 'number' ? createdAt : 0, token };
  } catch {
    return null;
  }
}

/** Free, held by a live process (or too new to judge), or stale: owner dead, or unreadable for 30 s. */
export async function observe(path: string): Promise<Observed> {
  const seen = await readLockFile(path);
  if (!seen) return { kind: 'free' };
  if (seen.record) {
    return isProcessAlive(seen.record.pid) ? { kind: 'held', pid: seen.record.pid } : { kind: 'stale', ino: seen.ino };
  }
  return seen.ageMs > UNREADABLE_STALE_MS ? { kind: 'stale', ino: seen.ino } : { kind: 'held' };
}

/** Moves the file aside before deleting so that a newer file created meanwhile is put back, not lost. */
export async function removeIfSameFile(path: string, ino: number): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.gone`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if ((await stat(aside)).ino !== ino) await link(aside, path).catch(() => undefined);
  } finally {
    await unlinkIfPresent(aside);
  }
}

export async function unlinkIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
