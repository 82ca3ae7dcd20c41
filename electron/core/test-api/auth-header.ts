import type { IncomingMessage } from 'node:http';
import type { VerifyScheme } from '../../../shared/catalogs/header-schemes';

export type Credentials =
  { scheme: VerifyScheme; headerValue: string } | { error: 'MISSING_KEY' | 'MALFORMED'; message: string };

const ONE_HEADER = 'Send the key in one header only: x-api-key, or Authorization with Api-Key or Bearer.';

/**
 * Where the request carries its key: exactly one of `x-api-key: K`, `Authorization: Api-Key K` or
 * `Authorization: Bearer K`. The header value goes to the core as it arrived, with its scheme; the core
 * takes the key out of it (and answers MALFORMED for a value of the wrong shape).
 *
 * Node keeps only the first of repeated Authorization headers and joins repeated x-api-key values, so
 * repeats are counted on the raw headers: a request with two keys is malformed, whichever would win.
 */
export function credentialsOf(req: IncomingMessage): Credentials {
  let apiKeyHeaders = 0;
  let authorizationHeaders = 0;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 9 && name.toLowerCase() === 'x-api-key') apiKeyHeaders += 1;
    else if (name.length === 13 && name.toLowerCase() === 'authorization') authorizationHeaders += 1;
  }
  if (apiKeyHeaders + authorizationHeaders === 0) {
    return {
      error: 'MISSING_KEY',
      message: 'Send a Keyhaven API key in an x-api-key header, or in Authorization as Api-Key or Bearer.',
    };
  }
  if (apiKeyHeaders + authorizationHeaders > 1) return { error: 'MALFORMED', message: ONE_HEADER };
  if (apiKeyHeaders === 1) return { scheme: 'x-api-key', headerValue: req.headers['x-api-key'] as string };
  const value = req.headers.authorization as string;
  const scheme = /^\s*(\S+)/.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'bearer') return { scheme: 'bearer', headerValue: value };
  if (scheme === 'api-key') return { scheme: 'api-key', headerValue: value };
  return {
    error: 'MALFORMED',
    message: 'Authorization must use the Api-Key or Bearer scheme: "Authorization: Bearer <key>".',
  };
}
