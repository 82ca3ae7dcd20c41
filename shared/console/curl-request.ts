import type { HeaderScheme } from '../catalogs/service-presets';
import {
  CONSOLE_METHODS,
  consoleRequestSchema,
  type ConsoleBody,
  type ConsoleMethod,
  type ConsoleRequest,
  type HeaderRow,
  type QueryRow,
} from './request';

/** What the importer gathered from a curl command's options, before it becomes a console request. */
export interface CurlState {
  method: string | null;
  url: string | null;
  headers: HeaderRow[];
  data: string[];
  json: boolean;
  form: { name: string; value: string }[];
  get: boolean;
  head: boolean;
  timeoutMs: number | null;
  notes: string[];
  ignored: string[];
}

/**
 * The outcome of "Import a request pasted as a curl command" (issue 5 §1). The command is split into words by
 * shell-quote (quotes, `$'…'`, backslash-newline continuations); `$VAR` references are kept as text.
 * A key found in `x-api-key`, `Authorization: Bearer|Api-Key …` or a key-named query parameter moves
 * to Authentication as a typed key, so the console masks it and history never keeps it.
 * Options curl users paste without thinking (-s, -L, -k, --compressed, …) are ignored with a note.
 */
export type CurlImport =
  | {
      ok: true;
      request: ConsoleRequest;
      /** What to show the user: what was left out, ignored or moved (never the key). */
      notes: string[];
      /** The scheme the key was found under, also when it was an environment variable reference. */
      keyScheme: HeaderScheme | null;
    }
  | { ok: false; error: string };

const KEY_QUERY_NAMES = new Set(['api_key', 'apikey', 'api-key', 'access_token', 'key', 'token']);

export function buildCurlRequest(state: CurlState): CurlImport {
  if (state.url === null) return { ok: false, error: 'This curl command has no URL.' };
  let urlText = state.url;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) {
    urlText = `http://${urlText}`;
    state.notes.push('The URL had no scheme: http:// was assumed, as curl does.');
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return { ok: false, error: `"${state.url.slice(0, 80)}" is not a URL.` };
  }
  if (url.username || url.password) {
    state.notes.push('The user name and password in the URL (basic authentication) were left out.');
    url.username = '';
    url.password = '';
  }
  const query: QueryRow[] = [...url.searchParams].map(([name, value]) => ({ name, value, enabled: true }));
  url.search = '';
  url.hash = '';

  let body: ConsoleBody = { kind: 'none' };
  const dataText = state.data.join('&');
  const headers = state.headers;
  if (state.get && state.data.length > 0) {
    for (const [name, value] of new URLSearchParams(dataText)) query.push({ name, value, enabled: true });
  } else if (state.json) {
    setHeader(headers, 'Accept', 'application/json', false);
    body = { kind: 'json', text: dataText };
  } else if (state.data.length > 0) {
    body = bodyFromData(dataText, takeHeader(headers, 'content-type'));
  } else if (state.form.length > 0) {
    body = { kind: 'form', fields: state.form };
  }
  if (body.kind === 'json') takeHeader(headers, 'content-type');

  const hasBody = body.kind !== 'none';
  const method = state.method ?? (state.head ? 'HEAD' : hasBody ? 'POST' : 'GET');
  if (!(CONSOLE_METHODS as readonly string[]).includes(method)) {
    return {
      ok: false,
      error: `The method ${method.slice(0, 20)} is not supported: use ${CONSOLE_METHODS.join(', ')}.`,
    };
  }
  const { auth, keyScheme } = takeAuth(headers, query, state.notes);
  const parsed = consoleRequestSchema.safeParse({
    method: method as ConsoleMethod,
    url: url.toString(),
    query,
    headers,
    body,
    auth,
    ...(state.timeoutMs !== null ? { timeoutMs: state.timeoutMs } : {}),
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'This request is not valid.' };
  return { ok: true, request: parsed.data, notes: state.notes, keyScheme };
}

function bodyFromData(text: string, contentType: string | null): ConsoleBody {
  const type = contentType?.toLowerCase().split(';')[0]?.trim() ?? null;
  if (type === 'application/json' && isJson(text)) return { kind: 'json', text };
  const formType = 'application/x-www-form-urlencoded';
  if ((type === null || type === formType) && isFormEncoded(text)) {
    return { kind: 'form', fields: [...new URLSearchParams(text)].map(([name, value]) => ({ name, value })) };
  }
  return { kind: 'raw', text, contentType: contentType ?? formType };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `a=1&b=x%20y`, and it survives a decode/encode round trip unchanged in meaning. */
function isFormEncoded(text: string): boolean {
  if (text === '') return false;
  return text.split('&').every((pair) => /^[^=&\s]+=[^&\s]*$/.test(pair) && !/%(?![0-9A-Fa-f]{2})/.test(pair));
}

function takeHeader(headers: HeaderRow[], name: string): string | null {
  const index = headers.findIndex((row) => row.name.toLowerCase() === name);
  if (index === -1) return null;
  const [row] = headers.splice(index, 1);
  return row?.value ?? null;
}

function setHeader(headers: HeaderRow[], name: string, value: string, replace: boolean): void {
  const existing = headers.find((row) => row.name.toLowerCase() === name.toLowerCase());
  if (existing && replace) existing.value = value;
  if (!existing) headers.push({ name, value, enabled: true });
}

const BEARER = /^Bearer\s+(\S+)$/i;
const API_KEY = /^Api-Key\s+(\S+)$/i;

/** Moves the first key found (header first, then a key-named query parameter) into Authentication. */
function takeAuth(
  headers: HeaderRow[],
  query: QueryRow[],
  notes: string[],
): { auth: ConsoleRequest['auth']; keyScheme: HeaderScheme | null } {
  for (let i = 0; i < headers.length; i++) {
    const row = headers[i] as HeaderRow;
    const lower = row.name.toLowerCase();
    let found: { key: string; scheme: HeaderScheme } | null = null;
    if (lower === 'x-api-key') found = { key: row.value, scheme: { kind: 'x-api-key' } };
    else if (lower === 'authorization') {
      const bearer = BEARER.exec(row.value)?.[1];
      const apiKey = API_KEY.exec(row.value)?.[1];
      if (bearer) found = { key: bearer, scheme: { kind: 'bearer' } };
      else if (apiKey) found = { key: apiKey, scheme: { kind: 'api-key' } };
    }
    if (found) {
      headers.splice(i, 1);
      return { auth: typedOrReference(found.key, found.scheme, notes), keyScheme: found.scheme };
    }
  }
  const index = query.findIndex((row) => KEY_QUERY_NAMES.has(row.name.toLowerCase()) && row.value !== '');
  if (index !== -1) {
    const [row] = query.splice(index, 1);
    if (row) {
      notes.push('The key was in the URL: it now goes in the query parameter chosen under Authentication.');
      const scheme: HeaderScheme = { kind: 'query', name: row.name };
      return { auth: typedOrReference(row.value, scheme, notes), keyScheme: scheme };
    }
  }
  return { auth: { kind: 'none' }, keyScheme: null };
}

function typedOrReference(key: string, scheme: HeaderScheme, notes: string[]): ConsoleRequest['auth'] {
  const reference = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(key);
  if (reference) {
    notes.push(`The key refers to the environment variable $${reference[1]}: choose a vault entry or paste the key.`);
    return { kind: 'none' };
  }
  notes.push('The key was moved to Authentication (typed key), where it is masked.');
  return { kind: 'typed', key, scheme };
}
