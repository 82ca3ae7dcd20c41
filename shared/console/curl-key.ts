import type { HeaderScheme } from '../catalogs/service-presets';
import type { ConsoleRequest, HeaderRow } from './request';
import { decodeQueryPart, encodeQueryPart } from './wire';

/**
 * Moving an imported command's key to Authentication (issue 16 §4), where the console masks it and
 * history never keeps it — only when it is unambiguous: exactly one credential among the headers
 * (Authorization, x-api-key and the other key headers APIs use) and the query parameters named like
 * a key. Two of them (Datadog's API and application keys, a key header and `?api_key=`) stay where
 * they are, with a note; the user can move one by hand. A query key moves only when sending it from
 * Authentication gives the same URL (it is the last parameter and needs no other encoding).
 */
const KEY_HEADERS = new Set([
  'x-api-key',
  'api-key',
  'apikey',
  'x-apikey',
  'x-api-token',
  'x-auth-token',
  'x-access-token',
  'x-auth-key',
  'private-token',
  'x-goog-api-key',
  'x-shopify-access-token',
  'dd-api-key',
  'dd-application-key',
  'x-figma-token',
  'x-postmark-server-token',
  'x-riot-token',
]);
const KEY_QUERY_NAMES = new Set(['api_key', 'apikey', 'api-key', 'access_token', 'key', 'token', 'auth_token']);

type Lifted = { auth: ConsoleRequest['auth']; keyScheme: HeaderScheme | null; url: URL } | { error: string };

interface Candidate {
  label: string;
  take: () => { key: string; scheme: HeaderScheme } | null;
}

export function liftKey(headers: HeaderRow[], url: URL, notes: string[]): Lifted {
  const candidates: Candidate[] = [];
  for (const row of headers) {
    const lower = row.name.toLowerCase();
    if (lower !== 'authorization' && !KEY_HEADERS.has(lower)) continue;
    candidates.push({
      label: row.name,
      take: () => {
        headers.splice(headers.indexOf(row), 1);
        return { key: headerKey(row).key, scheme: headerKey(row).scheme };
      },
    });
  }
  const pairs = url.search.length > 1 ? url.search.slice(1).split('&') : [];
  pairs.forEach((pair, index) => {
    const name = decodeQueryPart(pair.split('=')[0] ?? '');
    if (!KEY_QUERY_NAMES.has(name.toLowerCase()) || !pair.includes('=')) return;
    candidates.push({
      label: `?${name}=`,
      take: () => {
        const value = decodeQueryPart(pair.slice(pair.indexOf('=') + 1));
        const last = index === pairs.length - 1;
        if (!last || `${encodeQueryPart(name)}=${encodeQueryPart(value)}` !== pair || value === '') return null;
        url.search = pairs.length > 1 ? `?${pairs.slice(0, -1).join('&')}` : '';
        return { key: value, scheme: { kind: 'query', name } };
      },
    });
  });
  if (candidates.length > 1) {
    notes.push(
      `This command carries ${candidates.length} credentials (${candidates.map((c) => c.label).join(', ')}): they stay where they are. Move one to Authentication by hand to keep it out of history.`,
    );
    return { auth: { kind: 'none' }, keyScheme: null, url };
  }
  const found = candidates[0]?.take();
  if (candidates.length === 1 && found === null) {
    notes.push('The key stays in the URL (moving it would change the URL curl sends). Move it by hand if you like.');
  }
  if (!found) return { auth: { kind: 'none' }, keyScheme: null, url };
  return { ...typedOrReference(found.key, found.scheme, notes), url };
}

const BEARER = /^Bearer\s+(\S+)$/i;
const API_KEY = /^Api-Key\s+(\S+)$/i;

/** The key and scheme of a credential header: Bearer and Api-Key by name, anything else as the whole value. */
function headerKey(row: HeaderRow): { key: string; scheme: HeaderScheme } {
  const lower = row.name.toLowerCase();
  if (lower === 'x-api-key') return { key: row.value, scheme: { kind: 'x-api-key' } };
  if (lower === 'authorization') {
    const bearer = BEARER.exec(row.value)?.[1];
    if (bearer !== undefined && row.value === `Bearer ${bearer}`) return { key: bearer, scheme: { kind: 'bearer' } };
    const apiKey = API_KEY.exec(row.value)?.[1];
    if (apiKey !== undefined && row.value === `Api-Key ${apiKey}`) return { key: apiKey, scheme: { kind: 'api-key' } };
  }
  return { key: row.value, scheme: { kind: 'header', name: row.name } };
}

function typedOrReference(
  key: string,
  scheme: HeaderScheme,
  notes: string[],
): { auth: ConsoleRequest['auth']; keyScheme: HeaderScheme } {
  const reference = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(key);
  if (reference) {
    notes.push(`The key refers to the environment variable $${reference[1]}: choose a vault entry or paste the key.`);
    return { auth: { kind: 'none' }, keyScheme: scheme };
  }
  notes.push('The key was moved to Authentication (typed key), where it is masked.');
  return { auth: { kind: 'typed', key, scheme }, keyScheme: scheme };
}
