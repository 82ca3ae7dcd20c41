import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir`, at any depth: data files, `.bak`, backups/, temp and lock files alike. */
export async function listFilesRecursive(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The files under `dir` whose bytes contain `needle`, read raw (not parsed), so the secret is found
 * however it was stored: inside JSON, in a half-written temp file or in a backup.
 */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const wanted = Buffer.from(needle, 'utf8');
  const hits: string[] = [];
  for (const file of await listFilesRecursive(dir)) {
    // A lock or temp file can vanish between the listing and the read (another store's catch-up).
    const bytes = await readFile(file).catch(() => null);
    if (bytes?.includes(wanted)) hits.push(file);
  }
  return hits;
}
