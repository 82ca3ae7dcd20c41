import { headerSchemeSchema, type HeaderScheme } from '../../../../shared/catalogs/service-presets';
import { quoted, type ImportContext } from './import-context';
import { credentialVariable } from './secret-guard';
import type { TransferAuth } from './transfer-collection';

/**
 * The console's header schemes for an API key that another tool places by header or query name. One
 * mapping for all importers, so `X-API-Key` means the same scheme whichever tool it came from.
 */

// A value's scheme word, which says how Authorization carries the key.
const BEARER_PREFIX = /^\s*bearer\s+/i;
const API_KEY_PREFIX = /^\s*api-key\s+/i;

/**
 * The scheme for a key sent in header `name` with `value` (used only to tell `Authorization: Bearer`
 * from `Authorization: Api-Key`); null when the name is not a legal header name.
 */
export function headerKeyScheme(name: string, value = ''): HeaderScheme | null {
  const lower = name.trim().toLowerCase();
  if (lower === 'x-api-key') return { kind: 'x-api-key' };
  if (lower === 'authorization' && API_KEY_PREFIX.test(value)) return { kind: 'api-key' };
  if (lower === 'authorization' && BEARER_PREFIX.test(value)) return { kind: 'bearer' };
  const parsed = headerSchemeSchema.safeParse({ kind: 'header', name: name.trim() });
  return parsed.success ? parsed.data : null;
}

export function queryKeyScheme(name: string): HeaderScheme | null {
  const parsed = headerSchemeSchema.safeParse({ kind: 'query', name: name.trim() });
  return parsed.success ? parsed.data : null;
}

/** The key part of a value, without the scheme word that the scheme itself will add back. */
export function withoutSchemeWord(value: string): string {
  return value.replace(BEARER_PREFIX, '').replace(API_KEY_PREFIX, '');
}

export const BEARER_VARIABLE = 'token';
export const API_KEY_VARIABLE = 'apiKey';

/** A bearer token as auth: its `{{variable}}`, or `{{token}}` (with a note) when a literal was written. */
export function bearerAuth(token: string, requestName: string, ctx: ImportContext): TransferAuth {
  const variable = credentialVariable(withoutSchemeWord(token), BEARER_VARIABLE, 'bearer token', requestName, ctx);
  return { kind: 'scheme', scheme: { kind: 'bearer' }, variable };
}

/** An API key sent under `name` in a header or the query, as auth; a name that cannot be sent is noted. */
export function apiKeyAuth(
  placement: 'header' | 'query',
  name: string,
  value: string,
  requestName: string,
  ctx: ImportContext,
): TransferAuth {
  const scheme = placement === 'header' ? headerKeyScheme(name, value) : queryKeyScheme(name);
  if (scheme === null) {
    ctx.note(`The API key of ${quoted(requestName)} is sent under a name the console cannot use; it was not imported.`);
    return { kind: 'none' };
  }
  const variable = credentialVariable(withoutSchemeWord(value), API_KEY_VARIABLE, 'API key', requestName, ctx);
  return { kind: 'scheme', scheme, variable };
}
