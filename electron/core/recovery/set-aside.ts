/**
 * Moving a damaged data file out of the way without losing it: `<file>` becomes
 * `<file>.damaged-<YYYYMMDD-HHmmss>` next to it (its change journal likewise), never overwriting
 * anything; then either a backup is put in its place or the part starts empty. Both run under the
 * file's lock, so another Keyhaven process cannot open the file halfway through.
 */
import { constants } from 'node:fs';
import { copyFile, link, readFile, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory, writeFileDurably } from '../storage/atomic-write';
import { acquireFileLock } from '../storage/file-lock';
import { journalPathOf } from './data-documents';

const LOCK_TIMEOUT_MS = 10_000;

/** Sets `file` and its journal aside, then writes `backupFile`'s bytes as `file`. Returns the kept paths. */
export async function restoreFromBackup(file: string, backupFile: string, now: Date): Promise<string[]> {
  return withLock(file, async () => {
    // The data file itself (kind "compacted"): only its journal is the problem, and only it moves.
    if (backupFile === file) {
      const keptAs = await setAsideJournal(file, now);
      await syncDirectory(dirname(file));
      return keptAs;
    }
    const contents = await readFile(backupFile);
    const keptAs = await setAsideDocument(file, now);
    await writeFileDurably(file, contents, { keepBackup: false });
    return keptAs;
  });
}

/** Sets `file` and its journal aside, so the part opens as on a first run. Returns the kept paths. */
export function startEmpty(file: string, now: Date): Promise<string[]> {
  return withLock(file, () => setAsideDocument(file, now));
}

async function setAsideDocument(file: string, now: Date): Promise<string[]> {
  const moved = await moveAside(file, now);
  const kept = [...(moved ? [moved] : []), ...(await setAsideJournal(file, now))];
  await syncDirectory(dirname(file));
  return kept;
}

/** An empty journal (the state after every compaction) holds nothing and fits any data file: it stays. */
async function setAsideJournal(file: string, now: Date): Promise<string[]> {
  const journal = journalPathOf(file);
  if (((await stat(journal).catch(() => null))?.size ?? 0) === 0) return [];
  const moved = await moveAside(journal, now);
  return moved ? [moved] : [];
}

/** Moves `path` to a free `<path>.damaged-<stamp>[-n]` name; null when there is no such file. */
async function moveAside(path: string, now: Date): Promise<string | null> {
  for (let attempt = 1; attempt < 100; attempt++) {
    const target = `${path}.damaged-${stamp(now)}${attempt > 1 ? `-${attempt}` : ''}`;
    try {
      // link (or an exclusive copy where links are refused) never replaces an existing file.
      await link(path, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPERM' && error.code !== 'ENOTSUP' && error.code !== 'EXDEV') throw error;
        await copyFile(path, target, constants.COPYFILE_EXCL);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (code === 'EEXIST') continue;
      throw error;
    }
    await unlink(path);
    return target;
  }
  throw new Error(`No free name to set ${path} aside.`);
}

async function withLock<R>(file: string, job: () => Promise<R>): Promise<R> {
  const release = await acquireFileLock(file, { timeoutMs: LOCK_TIMEOUT_MS });
  try {
    return await job();
  } finally {
    await release();
  }
}

function stamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}-` +
    `${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`
  );
}
