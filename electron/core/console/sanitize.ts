import { isCredentialHeader } from '../../../shared/console/key-placement';
import { utf8Length, type ConsoleRequest, type StoredAuth, type StoredRequest } from '../../../shared/console/request';
import { hasVariables, onlyVariables } from '../../../shared/console/variables';
import { keyForms } from './mask-key';

/**
 * Turns a console request into what history and saved requests keep (issue 5 §6): never a secret.
 * - A typed key becomes `{ kind: 'typed-removed', scheme }`; an entry stays a reference.
 * - The request's key (typed, or the entry's secret when main knows it) is taken out wherever the user
 *   also wrote it: header and query rows holding it are dropped, in the URL and body it is replaced.
 * - Values of credential headers (Authorization, X-API-Key, Cookie, the scheme's custom header …) and of
 *   key-named query parameters are blanked and the row disabled, so the user sees what to fill in.
 * - Anything shaped like a Keyhaven key (`pyas_n58lZyBi.…`) is replaced too: a key pasted into a body
 *   for /v1/keys/verify is still a key.
 */
export const KEY_REMOVED = 'KEY-REMOVED';
// Keyhaven's format (key-format.ts), a little wider so look-alike keys of other tools are caught too.
const KEYHAVEN_KEY = /\b[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\.[0-9A-Za-z]{32,64}\b/g;
/** Query parameter names that carry a key: their values are never kept (history, imports). */
export const KEY_QUERY_NAMES: ReadonlySet<string> = new Set([
  'api_key',
  'apikey',
  'api-key',
  'access_token',
  'key',
  'token',
  'auth',
  'signature',
]);

export interface Sanitized {
  request: StoredRequest;
  secretsRemoved: boolean;
  /** Set when the body was over `bodyMaxBytes` and dropped. */
  bodyOmittedBytes: number | null;
}

export function sanitizeRequest(request: ConsoleRequest, keys: readonly string[], bodyMaxBytes: number): Sanitized {
  let removed = false;
  const forms = keys.flatMap((key) => keyForms(key)).filter((form) => form.length >= 4);
  const holdsKey = (text: string) => forms.some((form) => text.includes(form));
  const scrub = (text: string): string => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(KEY_REMOVED);
    out = out.replace(KEYHAVEN_KEY, KEY_REMOVED);
    if (out !== text) removed = true;
    return out;
  };

  const auth: StoredAuth =
    request.auth.kind === 'typed' ? { kind: 'typed-removed', scheme: request.auth.scheme } : request.auth;
  if (request.auth.kind === 'typed') removed = true;
  const scheme = request.auth.kind === 'none' ? null : request.auth.scheme;

  const headers = request.headers.flatMap((row) => {
    if (holdsKey(row.value)) {
      removed = true;
      return [];
    }
    if (row.value !== '' && isCredentialHeader(row.name, scheme) && !onlyVariables(row.value)) {
      removed = true;
      return [{ ...row, value: '', enabled: false }];
    }
    return [{ ...row, value: scrub(row.value) }];
  });
  const keyParam = scheme?.kind === 'query' ? scheme.name.toLowerCase() : null;
  const query = request.query.flatMap((row) => {
    if (holdsKey(row.value) || holdsKey(row.name)) {
      removed = true;
      return [];
    }
    const lower = row.name.toLowerCase();
    if (row.value !== '' && (KEY_QUERY_NAMES.has(lower) || lower === keyParam) && !onlyVariables(row.value)) {
      removed = true;
      return [{ ...row, value: '', enabled: false }];
    }
    return [{ ...row, value: scrub(row.value) }];
  });

  const url = sanitizeUrl(request.url, forms, keyParam, () => (removed = true));
  let body: StoredRequest['body'] = request.body;
  let bodyOmittedBytes: number | null = null;
  if (body.kind === 'json' || body.kind === 'raw') {
    const size = utf8Length(body.text);
    if (size > bodyMaxBytes) {
      bodyOmittedBytes = size;
      body = body.kind === 'json' ? { kind: 'json', text: '' } : { ...body, text: '' };
    } else body = { ...body, text: scrub(body.text) };
  } else if (body.kind === 'form') {
    const fields = body.fields.map((field) => ({ name: scrub(field.name), value: scrub(field.value) }));
    const size = fields.reduce((sum, f) => sum + utf8Length(f.name) + utf8Length(f.value), 0);
    if (size > bodyMaxBytes) {
      bodyOmittedBytes = size;
      body = { kind: 'form', fields: [] };
    } else body = { kind: 'form', fields };
  } else if (body.kind === 'multipart') {
    const parts = body.parts.map((part) => ({
      name: scrub(part.name),
      value: scrub(part.value),
      contentType: scrub(part.contentType),
    }));
    const size = parts.reduce((sum, p) => sum + utf8Length(p.name) + utf8Length(p.value), 0);
    if (size > bodyMaxBytes) {
      bodyOmittedBytes = size;
      body = { kind: 'multipart', parts: [] };
    } else body = { kind: 'multipart', parts };
  }

  return {
    request: {
      method: request.method,
      url,
      query,
      headers,
      body,
      auth,
      timeoutMs: request.timeoutMs,
      maxBytes: request.maxBytes,
      allowSelfSignedLocalhost: request.allowSelfSignedLocalhost,
    },
    secretsRemoved: removed,
    bodyOmittedBytes,
  };
}

/** The URL without the key: its parameter (or any key-named one) blanked, any other occurrence replaced. */
function sanitizeUrl(text: string, forms: string[], keyParam: string | null, onRemoved: () => void): string {
  if (hasVariables(text)) return sanitizeTemplateUrl(text, forms, keyParam, onRemoved);
  const url = new URL(text);
  if (url.search.length > 1) {
    const pairs = url.search.slice(1).split('&');
    const kept = pairs.map((pair) => {
      const eq = pair.indexOf('=');
      const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      if (value !== '' && (KEY_QUERY_NAMES.has(name) || name === keyParam)) {
        onRemoved();
        return `${pair.slice(0, eq)}=`;
      }
      return pair;
    });
    url.search = `?${kept.join('&')}`;
  }
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    onRemoved();
  }
  let out = url.toString();
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(KEY_REMOVED);
  out = out.replace(KEYHAVEN_KEY, KEY_REMOVED);
  if (out !== url.toString()) onRemoved();
  // Replacing text inside a URL can only make it simpler; keep whatever still parses, else the origin.
  try {
    return new URL(out).toString();
  } catch {
    onRemoved();
    return url.origin;
  }
}

/**
 * A URL with `{{variables}}` (`{{baseUrl}}/v1/items?key={{apiKey}}`) does not parse until it is
 * filled in, so it is cleaned as text: key-named parameters keep only variables, keys are replaced.
 */
function sanitizeTemplateUrl(text: string, forms: string[], keyParam: string | null, onRemoved: () => void): string {
  const at = text.indexOf('?');
  let out = text;
  if (at !== -1) {
    const pairs = text
      .slice(at + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
        const value = eq === -1 ? '' : pair.slice(eq + 1);
        if (value === '' || onlyVariables(value) || !(KEY_QUERY_NAMES.has(name) || name === keyParam)) return pair;
        onRemoved();
        return `${pair.slice(0, eq)}=`;
      });
    out = `${text.slice(0, at)}?${pairs.join('&')}`;
  }
  const before = out;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(KEY_REMOVED);
  out = out.replace(KEYHAVEN_KEY, KEY_REMOVED);
  if (out !== before) onRemoved();
  return out;
}
