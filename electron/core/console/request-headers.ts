import type { OutgoingHttpHeaders } from 'node:http';
import { isCredentialHeader, keyPlacement, type KeyPlacement } from '../../../shared/console/key-placement';
import type { ConsoleRequest } from '../../../shared/console/request';
import { activeRows } from '../../../shared/console/wire';
import type { Hop } from './redirect-policy';

/**
 * The headers of one hop of a console request (send-request.ts): the user's rows as given, less what
 * Node computes and what must not follow a redirect to another origin, then the body's Content-Type,
 * User-Agent, Accept and the key's own header.
 */

/**
 * Never taken from the table: Node computes them, or they would break the exchange. (A Host row is
 * sent as given on the first origin, as curl sends `-H 'Host: …'`; never after a redirect elsewhere.)
 */
const CONNECTION_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
]);
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language', 'content-location']);

export interface Key {
  value: string;
  placement: KeyPlacement;
  /** A vault entry's key: masked in everything the renderer receives. */
  fromVault: boolean;
}

export interface HopContext {
  /** The key, when this hop carries it (the first URL's origin only). */
  key: Key | null;
  crossOrigin: boolean;
  /** The body's Content-Type (wire.ts's wireBody): a multipart one carries its boundary. */
  contentType: string | null;
  userAgent: string | undefined;
  secrets: readonly string[];
}

export function headersFor(request: ConsoleRequest, hop: Hop, context: HopContext): OutgoingHttpHeaders {
  const { key, crossOrigin, secrets } = context;
  const auth = request.auth;
  const scheme = auth.kind === 'none' ? null : auth.scheme;
  const out = new Map<string, { name: string; values: string[] }>();
  const add = (name: string, value: string) => {
    const lower = name.toLowerCase();
    const existing = out.get(lower);
    if (existing) existing.values.push(value);
    else out.set(lower, { name, values: [value] });
  };
  // A multipart body's Content-Type comes from wireBody: the typed row with the body's boundary in it.
  const multipart = hop.body !== null && request.body.kind === 'multipart';
  for (const row of activeRows(request.headers)) {
    const lower = row.name.toLowerCase();
    if (CONNECTION_HEADERS.has(lower) || (lower === 'host' && crossOrigin)) continue;
    if (multipart && lower === 'content-type') continue;
    // A redirect that turned the request into a GET drops the body and the headers describing it; a
    // request the user sent without a body keeps a Content-Type row they gave (curl sends it too).
    if (hop.body === null && request.body.kind !== 'none' && BODY_HEADERS.has(lower)) continue;
    // An empty Accept row means "no Accept header", as `-H 'Accept:'` does in curl.
    if (lower === 'accept' && row.value === '') {
      out.set('accept', { name: row.name, values: [] });
      continue;
    }
    if (crossOrigin && (isCredentialHeader(lower, scheme) || lower === 'proxy-authorization')) continue;
    if (crossOrigin && secrets.some((secret) => row.value.includes(secret))) continue;
    // The key's header replaces a row of the same name, on every hop: a stale copy never travels.
    if (scheme && scheme.kind !== 'query' && keyPlacement(scheme, '').name.toLowerCase() === lower) continue;
    add(row.name, row.value);
  }
  if (hop.body !== null) {
    if (context.contentType !== null && !out.has('content-type')) add('Content-Type', context.contentType);
    add('Content-Length', String(Buffer.byteLength(hop.body)));
  }
  if (!out.has('user-agent')) add('User-Agent', context.userAgent ?? 'Keyhaven');
  if (!out.has('accept')) add('Accept', '*/*');
  if (key && key.placement.kind === 'header') add(key.placement.name, key.placement.value);
  const headers: OutgoingHttpHeaders = {};
  for (const { name, values } of out.values()) {
    if (values.length > 0) headers[name] = values.length === 1 ? values[0] : values;
  }
  return headers;
}
