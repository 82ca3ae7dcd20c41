import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  // Unknown types are served as opaque bytes; with nosniff the browser will not guess a script out of them.
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Files under one folder, and nothing outside it. The raw request path is decoded once and resolved
 * against the root; anything that escapes it, names a directory, contains NUL or a backslash, or
 * whose real path (after symlinks) leaves the root is "not found" — the same answer as a missing
 * file, so probing tells nothing.
 */
export class StaticFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = realpathSync(root);
  }

  async read(rawPathname: string): Promise<StaticFile | null> {
    const file = this.locate(rawPathname);
    if (file === null) return null;
    try {
      const real = await realpath(file);
      if (!this.contains(real) || !(await stat(real)).isFile()) return null;
      return { body: await readFile(real), contentType: contentTypeOf(real) };
    } catch {
      return null;
    }
  }

  /** The absolute file a request path names inside the root, or null when it is not a plain path in it. */
  locate(rawPathname: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPathname);
    } catch {
      return null; // malformed %-escapes
    }
    if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
    const file = resolve(this.root, `.${decoded}`);
    return this.contains(file) && file !== this.root ? file : null;
  }

  private contains(file: string): boolean {
    const rel = relative(this.root, file);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  }
}
