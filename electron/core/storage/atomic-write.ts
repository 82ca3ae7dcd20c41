/**
 * Replacing a file so that a crash or power cut leaves either the old or the new version, never a mix:
 * unique temp file (0600) in the same folder, write, fsync, optionally keep the old version as `.bak`,
 * rename over the target, fsync the folder so the rename itself is on disk.
 */
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from './lock-files';
import { StorageError } from './storage-error';

export const backupPathOf = (file: string): string => `${file}.bak`;

/** Temp files of `file` are named `<name>.<pid>.<random hex>.tmp`; this is their common prefix. */
export const tempPrefixOf = (file: string): string => `${basename(file)}.`;

export interface DurableWriteOptions {
  /** Keep the version being replaced as `<file>.bak` (a hard link, so it costs no copy). */
  keepBackup: boolean;
  /** The file's permissions (default 0600): only a file made to be read by others (a keyset) widens them. */
  mode?: number;
}

/** Atomically replaces `file` with `contents` (mode 0600 unless given); the temp file never outlives a failure. */
export async function writeFileDurably(
  file: string,
  contents: string | Uint8Array,
  options: DurableWriteOptions,
): Promise<void> {
  const dir = dirname(file);
  const temp = tempPathFor(file);
  let replaced = false;
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const mode = options.mode ?? 0o600;
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.chmod(mode); // the umask may have taken the owner's bits away
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.keepBackup) await keepPreviousVersion(file);
    await rename(temp, file);
    replaced = true;
    await syncDirectory(dir);
  } catch (error) {
    if (!replaced) await unlink(temp).catch(() => undefined);
    throw error instanceof StorageError ? error : StorageError.io(file, 'save', error, replaced);
  }
}

async function keepPreviousVersion(file: string): Promise<void> {
  const temp = tempPathFor(file);
  try {
    await link(file, temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first write: nothing to keep
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    await copyFile(file, temp); // file systems without hard links
    await chmod(temp, 0o600);
  }
  try {
    await rename(temp, backupPathOf(file));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // A writer killed between its two renames leaves `.bak` and the file as one inode; renaming a link
  // onto another link of the same inode succeeds without doing anything (POSIX), leaving `temp` behind.
  await unlink(temp).catch(() => undefined);
}

/** Makes the rename itself durable; Windows cannot open a directory, and NTFS journals renames anyway. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tempPathFor(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Deletes temp files left in `dir` by processes that died mid-write (kill -9, power cut); only names
 * starting with `prefix` and carrying a dead pid, so a live writer's temp file is never touched.
 */
export async function removeOrphanTemps(dir: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    const pid = Number(match?.[1]);
    if (!match || pid === process.pid || isProcessAlive(pid)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}
