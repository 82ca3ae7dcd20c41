import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { CoreError } from '../../errors';
import { invalid } from './foreign-data';
import { quoted } from './import-context';
import { TRANSFER_LIMITS } from './transfer-collection';

/**
 * Reads a Bruno collection folder from disk, within bounds: the folder is the user's choice but its
 * contents are anyone's (a cloned repository), so links that lead outside it are refused, and the
 * number and size of files are capped before anything is parsed.
 */
export const BRUNO_LIMITS = {
  /** Entries seen while walking (files and folders alike). */
  entries: 2_000,
  /** One `.bru` file: a request with a large JSON body is still far below this. */
  fileBytes: 2 * 1024 * 1024,
  /** All `.bru` files together. */
  totalBytes: TRANSFER_LIMITS.fileBytes,
} as const;

export interface BrunoFile {
  name: string;
  text: string;
}

export interface BrunoDir {
  /** The folder's name on disk (`folder.bru` may give a display name). */
  name: string;
  /** Path from the collection folder, `/`-separated, for messages. */
  path: string;
  files: BrunoFile[];
  dirs: BrunoDir[];
}

// Folders that are never part of a collection's requests, however large.
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The collection folder's real path, or a CoreError saying why it cannot be read. */
export async function collectionRoot(folder: string): Promise<string> {
  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    throw new CoreError('NOT_FOUND', `The folder ${quoted(folder)} was not found.`);
  }
  if (!(await stat(root)).isDirectory())
    throw invalid(`${quoted(folder)} is a file; choose the Bruno collection's folder.`);
  return root;
}

/** The text of a file directly in the collection folder, or null when there is none. */
export async function readTopFile(root: string, name: string): Promise<string | null> {
  const real = await realpath(join(root, name)).catch(() => null);
  if (real === null) return null;
  if (!isInside(root, real))
    throw invalid(`${quoted(name)} links outside the collection folder; Keyhaven does not follow it.`);
  const info = await stat(real);
  if (!info.isFile()) return null;
  if (info.size > BRUNO_LIMITS.fileBytes) throw invalid(`${quoted(name)} is too large to be a Bruno collection file.`);
  return readFile(real, 'utf8');
}

/** Every `.bru` file under `root`, as a tree of folders. */
export async function readBrunoTree(root: string): Promise<BrunoDir> {
  const state = { entries: 0, bytes: 0, visited: new Set<string>([root]) };

  const walk = async (dir: string, name: string, path: string, depth: number): Promise<BrunoDir> => {
    if (depth > TRANSFER_LIMITS.depth) {
      throw invalid(
        `The folders of this collection nest more than ${TRANSFER_LIMITS.depth} deep; Keyhaven does not import it.`,
      );
    }
    const node: BrunoDir = { name, path, files: [], dirs: [] };
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      state.entries += 1;
      if (state.entries > BRUNO_LIMITS.entries) {
        throw invalid(
          `This folder holds more than ${BRUNO_LIMITS.entries} files and folders; is it a Bruno collection? Keyhaven does not import it.`,
        );
      }
      const childPath = path === '' ? entry.name : `${path}/${entry.name}`;
      const full = join(dir, entry.name);
      let real = full;
      if (entry.isSymbolicLink()) {
        real = await realpath(full).catch(() => '');
        if (real === '') continue; // A dangling link leads nowhere to read.
        if (!isInside(root, real)) {
          throw invalid(`${quoted(childPath)} links outside the collection folder; Keyhaven does not follow it.`);
        }
      }
      const info = await stat(real);
      if (info.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.')) continue;
        // A link back to a parent would walk forever.
        if (state.visited.has(real)) continue;
        state.visited.add(real);
        node.dirs.push(await walk(real, entry.name, childPath, depth + 1));
      } else if (info.isFile() && entry.name.endsWith('.bru')) {
        if (info.size > BRUNO_LIMITS.fileBytes) {
          throw invalid(
            `${quoted(childPath)} is larger than ${BRUNO_LIMITS.fileBytes / 1024 / 1024} MB; Keyhaven does not import it.`,
          );
        }
        state.bytes += info.size;
        if (state.bytes > BRUNO_LIMITS.totalBytes) {
          throw invalid(
            `The .bru files of this collection add up to more than ${BRUNO_LIMITS.totalBytes / 1024 / 1024} MB; Keyhaven does not import it.`,
          );
        }
        node.files.push({ name: entry.name, text: await readFile(real, 'utf8') });
      }
    }
    return node;
  };

  return walk(root, '', '', 0);
}

/**
 * The same tree from files the page read out of a picked folder (`webkitRelativePath`: the folder's
 * name, then the path inside it), within the same bounds as reading the disk.
 */
export function brunoTreeFromFiles(files: readonly { path: string; text: string }[]): {
  tree: BrunoDir;
  folderName: string;
} {
  if (files.length > BRUNO_LIMITS.entries)
    throw invalid(`This folder holds more than ${BRUNO_LIMITS.entries} files; is it a Bruno collection?`);
  const folderName = files[0]?.path.split('/')[0] ?? '';
  const tree: BrunoDir = { name: '', path: '', files: [], dirs: [] };
  let bytes = 0;
  for (const file of files) {
    const parts = file.path.split('/');
    if (parts[0] === folderName && parts.length > 1) parts.shift();
    if (parts.some((part) => part === '' || part === '.' || part === '..'))
      throw invalid(`${quoted(file.path)} is not a path inside the collection folder.`);
    if (parts.length - 1 > TRANSFER_LIMITS.depth)
      throw invalid(
        `The folders of this collection nest more than ${TRANSFER_LIMITS.depth} deep; Keyhaven does not import it.`,
      );
    const name = parts.pop() as string;
    if (!name.endsWith('.bru') || parts.some((part) => SKIPPED_DIRS.has(part) || part.startsWith('.'))) continue;
    if (file.text.length > BRUNO_LIMITS.fileBytes)
      throw invalid(
        `${quoted(file.path)} is larger than ${BRUNO_LIMITS.fileBytes / 1024 / 1024} MB; Keyhaven does not import it.`,
      );
    bytes += file.text.length;
    if (bytes > BRUNO_LIMITS.totalBytes)
      throw invalid(
        `The .bru files of this collection add up to more than ${BRUNO_LIMITS.totalBytes / 1024 / 1024} MB; Keyhaven does not import it.`,
      );
    let dir = tree;
    for (const part of parts) {
      let next = dir.dirs.find((candidate) => candidate.name === part);
      if (!next) {
        next = { name: part, path: dir.path === '' ? part : `${dir.path}/${part}`, files: [], dirs: [] };
        dir.dirs.push(next);
      }
      dir = next;
    }
    dir.files.push({ name, text: file.text });
  }
  const sort = (dir: BrunoDir) => {
    dir.files.sort((a, b) => a.name.localeCompare(b.name));
    dir.dirs.sort((a, b) => a.name.localeCompare(b.name));
    dir.dirs.forEach(sort);
  };
  sort(tree);
  return { tree, folderName };
}
