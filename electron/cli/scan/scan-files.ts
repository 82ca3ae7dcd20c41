import { readdir, readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CliError } from '../cli-error';

/** Files above this are skipped: a leak in a 20 MiB file is almost always in a dump or a bundle. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A NUL byte in this many first bytes marks a file binary, as git and grep decide it. */
const BINARY_SNIFF_BYTES = 8 * 1024;
/** Directories never descended into: git's own store (history is `--git`'s job) and installed packages. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/** A file to scan: where it is on disk and how findings name it. */
export interface FileToScan {
  path: string;
  displayName: string;
}

/** A file's text, or why it was not scanned. */
export type FileContent = { text: string; bytes: number } | { skipped: true };

/**
 * The files under the given paths (files or directories), in a stable order. Directories are walked
 * without following symlinked directories (a link to a parent would loop, one elsewhere leaves the
 * tree the user named); symlinked files are read. A file given by itself is named as given.
 */
export async function filesUnder(paths: readonly string[]): Promise<FileToScan[]> {
  const files: FileToScan[] = [];
  for (const given of paths) {
    const info = await statOrUsage(given);
    if (!info.isDirectory()) {
      files.push({ path: given, displayName: given });
      continue;
    }
    for (const file of await walk(given)) {
      files.push({ path: file, displayName: nameUnderRoot(paths, given, relative(given, file)) });
    }
  }
  return files;
}

/**
 * How findings name a path found under one of the scanned roots (a file in a tree, or a path in a
 * repository's history): relative to it, with `/` separators; with several roots, the root as the
 * user gave it is kept in front, so equal relative names from different roots stay apart.
 */
export function nameUnderRoot(roots: readonly string[], root: string, inRoot: string): string {
  const relativeName = inRoot.split(sep).join('/');
  return roots.length === 1 ? relativeName : `${root.split(sep).join('/').replace(/\/+$/, '')}/${relativeName}`;
}

async function statOrUsage(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch {
    throw new CliError('USAGE', `${path}: no such file or directory`);
  }
}

async function walk(root: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [root];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      // An unreadable directory is left out rather than failing the whole scan.
      continue;
    }
    const subdirectories: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(path);
      } else if (entry.isSymbolicLink()) {
        if (!(await isDirectoryBehindLink(path))) files.push(path);
      } else {
        files.push(path);
      }
    }
    // Pushed in reverse so the stack pops them in name order: a depth-first walk sorted like `ls -R`.
    pending.push(...subdirectories.reverse());
  }
  return files;
}

async function isDirectoryBehindLink(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // A dangling link: kept as a file so that reading it fails and counts it as skipped.
    return false;
  }
}

/** A file's text if it is a readable, regular, textual file within the size limit. */
export async function readScannableFile(path: string): Promise<FileContent> {
  try {
    const info = await stat(path);
    // Not only a size rule: reading a FIFO or a device would block or never end.
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return { skipped: true };
    const content = await readFile(path);
    if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: true };
    return { text: content.toString('utf8'), bytes: content.length };
  } catch {
    return { skipped: true };
  }
}

const HISTORY_FILES = [
  '.bash_history',
  '.zsh_history',
  '.histfile',
  '.local/share/fish/fish_history',
  '.node_repl_history',
  '.python_history',
  '.psql_history',
  '.mysql_history',
  '.sqlite_history',
];

/** The shell and REPL history files that exist in `home`: where a key pasted on a command line stays. */
export function shellHistoryFiles(home: string): string[] {
  return HISTORY_FILES.map((file) => join(home, ...file.split('/'))).filter((path) => existsSync(path));
}
