import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Keyset } from '../../../shared/verify/keyset';
import { CoreError } from '../errors';
import { writeFileDurably } from '../storage/atomic-write';

/** A keyset's bytes: indented, so a keyset kept in a repository diffs key by key. */
export const keysetText = (keyset: Keyset): string => `${JSON.stringify(keyset, null, 2)}\n`;

/**
 * Writes a published keyset, atomically (a service reading it sees the old file or the new one), mode
 * 0644: it holds no secret, and a service may run as another user. A file already there with this
 * sequence or a higher one was written by a later publish (another process, or a slower write of this
 * one overtaken): it is left, so a newer keyset is never replaced by an older one.
 */
export async function writeKeysetFile(
  folder: string,
  fileName: string,
  keyset: Keyset,
): Promise<'written' | 'newer-there'> {
  await checkedFolder(folder);
  const path = join(folder, fileName);
  const there = await readFile(path, 'utf8').then(sequenceIn, () => null);
  if (there !== null && there >= keyset.sequence) return 'newer-there';
  await writeFileDurably(path, keysetText(keyset), { keepBackup: false, mode: 0o644 });
  return 'written';
}

function sequenceIn(text: string): number | null {
  try {
    const sequence = (JSON.parse(text) as { sequence?: unknown }).sequence;
    return typeof sequence === 'number' ? sequence : null;
  } catch {
    return null; // not a keyset (a half-copied file, something else): replaced
  }
}

/** The publishing folder: absolute, existing, a folder. Never created: a missing mount is reported. */
export async function checkedFolder(folder: string): Promise<string> {
  if (!isAbsolute(folder)) throw new CoreError('INVALID_INPUT', 'Choose the publishing folder by its full path.');
  const info = await stat(folder).catch(() => null);
  if (info === null) throw new CoreError('NOT_FOUND', `The folder ${folder} does not exist.`);
  if (!info.isDirectory()) throw new CoreError('INVALID_INPUT', `${folder} is not a folder.`);
  return folder;
}

/** Why a publish failed, in words for Settings → Verification; the system's code read through a StorageError. */
export function publishProblem(error: unknown, folder: string): string {
  if (error instanceof CoreError) return error.message;
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `Keyhaven may not write in ${folder}.`;
  if (code === 'ENOSPC') return `The disk holding ${folder} is full.`;
  return `The keyset could not be written to ${folder}${code ? ` (${code})` : ''}.`;
}
