/**
 * What `app://keyhaven/…` answers (app-protocol.ts registers it): the built renderer's files, each with
 * the Content-Security-Policy as a real response header and the other headers a page of ours should
 * carry. Only GET and HEAD of a regular file inside the renderer folder: no directory listings, no
 * `..` or encoded escapes, no symlink leading out, no other host. Plain Node (Web `Response`), so it is
 * tested without Electron.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { cspHeader } from '../../shared/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'keyhaven';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Sent with every answer: the policy itself, and no sniffing, framing, referrers or cross-origin reads. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': cspHeader(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

/** The answer to one request for `url`, read from `rootDir` (the built renderer folder). */
export async function respondFromFolder(method: string, url: string, rootDir: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const file = await fileFor(url, rootDir);
  if (!file) return plain(404, 'Not Found');
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) return plain(404, 'Not Found');
  const body = method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers: { ...securityHeaders(), 'Content-Type': type } });
}

/** The real path of the file the URL names, when it is a regular file inside `rootDir`; else null. */
async function fileFor(url: string, rootDir: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) {
    return null;
  }
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // a malformed %-escape
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = await realpath(rootDir);
  const candidate = resolve(root, `.${path}`);
  if (!inside(root, candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!inside(root, real) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
