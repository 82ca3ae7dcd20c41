/**
 * Rotating copies of a data file, taken when it is opened: `<dir>/backups/<stem>-<YYYYMMDD-HHmmss>.json`
 * (UTC), newest five kept. `.bak` only reaches one save back; these are the insurance against a logic
 * bug that writes bad-but-valid data over several saves. A copy identical to the newest one is not
 * taken, so reopening an unchanged file does not push older, different versions out.
 */
import { readFile, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { removeOrphanTemps, writeFileDurably } from './atomic-write';

export const SNAPSHOTS_KEPT = 5;

export const snapshotDirOf = (file: string): string => join(dirname(file), 'backups');

const stemOf = (file: string): string => basename(file, extname(file));

function stamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
  return `${day}-${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`;
}

/** Snapshot paths of `file`, oldest first (the timestamp format sorts as text). */
export async function listSnapshots(file: string): Promise<string[]> {
  const dir = snapshotDirOf(file);
  const pattern = new RegExp(`^${escapeRegExp(stemOf(file))}-\\d{8}-\\d{6}\\.json$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export async function newestSnapshot(file: string): Promise<string | undefined> {
  return (await listSnapshots(file)).at(-1);
}

/** Saves `contents` (the file's bytes as opened) as a snapshot and drops all but the newest five. */
export async function takeSnapshot(file: string, contents: Uint8Array, now: Date): Promise<void> {
  const newest = await newestSnapshot(file);
  if (newest) {
    const previous = await readFile(newest).catch(() => null);
    if (previous && Buffer.compare(previous, contents) === 0) return;
  }
  const dir = snapshotDirOf(file);
  await removeOrphanTemps(dir, `${stemOf(file)}-`);
  await writeFileDurably(join(dir, `${stemOf(file)}-${stamp(now)}.json`), contents, { keepBackup: false });
  const all = await listSnapshots(file);
  for (const old of all.slice(0, Math.max(0, all.length - SNAPSHOTS_KEPT))) {
    await unlink(old).catch(() => undefined);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
