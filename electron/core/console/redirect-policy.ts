import { ConsoleError } from './console-error';

/**
 * How the console follows redirects (issue 5 §3), by hand so every hop is checked: at most 5, never
 * from https to http, 303 (and 301/302 after a POST, as browsers do) continue as GET without a body,
 * 307/308 repeat the method and body. Whether the key goes along is send-request.ts's decision: only
 * to the origin the user typed.
 */
export const MAX_REDIRECTS = 5;
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  url: URL;
  method: string;
  body: string | null;
}

/**
 * The next hop for a response, or null when it is final (not a redirect, or a redirect without a
 * Location, which is shown as it is). `followed` counts the redirects already taken.
 */
export function nextHop(current: Hop, status: number, location: string | undefined, followed: number): Hop | null {
  if (!REDIRECT_STATUSES.has(status) || location === undefined || location.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(location.trim(), current.url);
  } catch {
    throw new ConsoleError('BAD_REDIRECT', `The server redirected to an invalid URL (status ${status}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConsoleError('BAD_REDIRECT', `The server redirected to a ${url.protocol} URL; only http(s) is followed.`);
  }
  if (current.url.protocol === 'https:' && url.protocol === 'http:') {
    throw new ConsoleError(
      'INSECURE_REDIRECT',
      `The server redirected from https to plain http (${url.host}); the redirect was not followed.`,
    );
  }
  if (followed >= MAX_REDIRECTS) {
    throw new ConsoleError(
      'TOO_MANY_REDIRECTS',
      `More than ${MAX_REDIRECTS} redirects; the last one was not followed.`,
    );
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  const toGet = status === 303 || ((status === 301 || status === 302) && current.method === 'POST');
  if (toGet) return { url, method: current.method === 'HEAD' ? 'HEAD' : 'GET', body: null };
  return { url, method: current.method, body: current.body };
}
