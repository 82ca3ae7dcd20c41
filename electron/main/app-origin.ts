import { dirname } from 'node:path';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-files';
import { CoreError } from '../core/errors';

/**
 * The one place deciding which URL is Keyhaven's own page. Navigation guards, permission handlers and
 * the IPC sender check all ask `isAppUrl`, so they cannot disagree.
 *
 * - app: the built out/renderer/index.html served as app://keyhaven/index.html (any #route or ?query on
 *        it); `folder` is what app-protocol.ts serves.
 * - dev: the electron-vite dev server (ELECTRON_RENDERER_URL), any path on that origin.
 */
export type AppPage =
  | { readonly kind: 'app'; readonly folder: string; readonly url: string }
  | { readonly kind: 'dev'; readonly url: string; readonly origin: string };

export interface AppPageOptions {
  /** process.env.ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  devUrl: string | undefined;
  /** app.isPackaged: a shipped app never honours the dev URL, whatever the environment says. */
  isPackaged: boolean;
  indexFile: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function resolveAppPage({ devUrl, isPackaged, indexFile }: AppPageOptions): AppPage {
  if (devUrl && !isPackaged) {
    const url = new URL(devUrl);
    // The dev server is always local; anything else in this variable is a mistake or an attack.
    if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
      throw new CoreError(
        'INVALID_INPUT',
        `ELECTRON_RENDERER_URL must be an http://localhost dev server URL, not ${url.origin}.`,
      );
    }
    return { kind: 'dev', url: url.href, origin: url.origin };
  }
  return { kind: 'app', folder: dirname(indexFile), url: APP_INDEX_URL };
}

export function isAppUrl(page: AppPage, candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (page.kind === 'dev') return url.origin === page.origin;
  // app: is not a special scheme to the URL parser (its origin reads "null"), so compare the parts.
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/index.html'
  );
}

/** For log lines: where a request came from, without path, query or fragment (they may carry data). */
export function describeOrigin(candidate: string): string {
  try {
    const url = new URL(candidate);
    if (url.protocol === 'file:') return 'a file: page';
    return url.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${url.host}` : url.origin;
  } catch {
    return 'an unparsable URL';
  }
}
