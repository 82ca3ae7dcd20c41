import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../cli-error';

/** Owner read and write only: the file holds secrets. */
const SECRET_FILE_MODE = 0o600;

/**
 * Writes rendered secrets to `path`, readable by its owner only. Without `force` the file must not
 * exist yet (so an existing file, or a symlink planted at the path, is never written through). With
 * `force` the text goes to a new file beside it that is then renamed over `path`: a reader sees the
 * old file or the whole new one, and the result is 0600 even where the old file was wider.
 */
export async function writeSecretFile(path: string, text: string, options: { force: boolean }): Promise<void> {
  if (!options.force) {
    try {
      await writeNewFile(path, text);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        throw new CliError('CONFLICT', `${path} already exists; add --force to replace it.`);
      }
      throw cannotWrite(path, error);
    }
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNewFile(temporary, text);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw cannotWrite(path, error);
  }
}

/** Creates `path` (never opening an existing one), writes `text` and syncs it to disk. */
async function writeNewFile(path: string, text: string): Promise<void> {
  const file = await open(path, 'wx', SECRET_FILE_MODE);
  try {
    // The umask can only narrow the mode given to open; setting it again makes it exactly 0600.
    await file.chmod(SECRET_FILE_MODE);
    await file.writeFile(text, 'utf8');
    // On disk before anyone (or a rename) can make it the file at the target path.
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(path, { force: true });
    throw error;
  }
  await file.close();
}

function cannotWrite(path: string, error: unknown): CliError {
  return new CliError('USAGE', `cannot write ${path}: ${errorCode(error) ?? 'unknown error'}`);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
