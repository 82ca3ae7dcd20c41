import { apiKeyAuth, bearerAuth } from './auth-schemes';
import { isRecord, listOf, recordOf, textOf } from './foreign-data';
import type { ImportContext } from './import-context';
import { unsupportedAuth } from './secret-guard';
import type { TransferAuth } from './transfer-collection';

/**
 * Postman's `auth` object both ways. v2.1 lists a type's parameters as `[{ key, value, type }]`,
 * v2.0 as a plain object `{ token: … }`; both are read. Exports write v2.1 with `{{variable}}` values
 * only: the console's auth never holds a key.
 */
export type PostmanAuthRead = TransferAuth | 'inherit';

/** The parameters of `auth[type]` as name → value, for both versions' layouts. */
function paramsOf(auth: Record<string, unknown>, type: string): Map<string, string> {
  const raw = auth[type];
  const params = new Map<string, string>();
  if (Array.isArray(raw)) {
    for (const entry of raw) if (isRecord(entry)) params.set(textOf(entry.key), textOf(entry.value));
  } else if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) params.set(key, textOf(value));
  }
  return params;
}

/** `auth` of a request, folder or the collection; absent or `inherit` defers to the parent. */
export function readPostmanAuth(value: unknown, ownerName: string, ctx: ImportContext): PostmanAuthRead {
  if (value === undefined || value === null) return 'inherit';
  const auth = recordOf(value);
  const type = textOf(auth.type);
  switch (type) {
    case '':
    case 'inherit':
      return 'inherit';
    case 'noauth':
      return { kind: 'none' };
    case 'bearer':
      return bearerAuth(paramsOf(auth, 'bearer').get('token') ?? '', ownerName, ctx);
    case 'apikey': {
      const params = paramsOf(auth, 'apikey');
      const placement = params.get('in') === 'query' ? 'query' : 'header';
      // Postman's own default name when the user left "Key" empty.
      const name = params.get('key') || 'x-api-key';
      return apiKeyAuth(placement, name, params.get('value') ?? '', ownerName, ctx);
    }
    default:
      return unsupportedAuth(type, ownerName, ctx);
  }
}

export interface PostmanAuthOut {
  type: 'noauth' | 'bearer' | 'apikey';
  bearer?: { key: string; value: string; type: 'string' }[];
  apikey?: { key: string; value: string; type: 'string' }[];
}

const param = (key: string, value: string) => ({ key, value, type: 'string' as const });

/** The console's auth as Postman's: a variable reference, never a value. */
export function writePostmanAuth(auth: TransferAuth): PostmanAuthOut {
  if (auth.kind === 'none') return { type: 'noauth' };
  const reference = `{{${auth.variable}}}`;
  const apikey = (key: string, value: string, placement: 'header' | 'query'): PostmanAuthOut => ({
    type: 'apikey',
    apikey: [param('key', key), param('value', value), param('in', placement)],
  });
  switch (auth.scheme.kind) {
    case 'bearer':
      return { type: 'bearer', bearer: [param('token', reference)] };
    case 'x-api-key':
      return apikey('x-api-key', reference, 'header');
    case 'api-key':
      return apikey('Authorization', `Api-Key ${reference}`, 'header');
    case 'header':
      return apikey(auth.scheme.name, reference, 'header');
    case 'query':
      return apikey(auth.scheme.name, reference, 'query');
  }
}

/** Postman's `event` scripts (pre-request, tests) are not run by the console: said once per import. */
export function noteScripts(item: Record<string, unknown>, ctx: ImportContext): void {
  const scripts = listOf(item.event).some((event) => {
    const exec = recordOf(recordOf(event).script).exec;
    return Array.isArray(exec) ? exec.some((line) => textOf(line).trim() !== '') : textOf(exec).trim() !== '';
  });
  if (scripts) ctx.note('Pre-request and test scripts were not imported: the console does not run scripts.');
}
