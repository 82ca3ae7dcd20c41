import { parse, type ParseEntry } from 'shell-quote';
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

/**
 * "Import a request pasted as a curl command" (issue 5 §1). The command is split into words by
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

const NOT_CURL = 'This is not a curl command: paste a command that starts with curl.';

/** Options whose value curl takes from the next word, and which the console has no use for. */
const IGNORED_WITH_VALUE = new Set([
  '-o',
  '--output',
  '-w',
  '--write-out',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-c',
  '--cookie-jar',
  '--cacert',
  '--capath',
  '-E',
  '--cert',
  '--key',
  '--cert-type',
  '--key-type',
  '-x',
  '--proxy',
  '-U',
  '--proxy-user',
  '--resolve',
  '--connect-to',
  '--interface',
  '-r',
  '--range',
  '-z',
  '--time-cond',
  '--limit-rate',
  '--max-redirs',
  '-D',
  '--dump-header',
  '--trace',
  '--trace-ascii',
  '-K',
  '--config',
  '--proto',
  '--proto-redir',
  '--ciphers',
  '--tls-max',
]);
const WITH_VALUE = new Set([
  ...IGNORED_WITH_VALUE,
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-ascii',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '--json',
  '-u',
  '--user',
  '--url',
  '-F',
  '--form',
  '--form-string',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-m',
  '--max-time',
  '--oauth2-bearer',
]);
/** Short options that take a value, for `-XPOST` and `-sSLX POST`. */
const SHORT_WITH_VALUE = new Set([
  'X',
  'H',
  'd',
  'u',
  'F',
  'A',
  'e',
  'b',
  'm',
  'o',
  'w',
  'c',
  'E',
  'x',
  'U',
  'r',
  'z',
  'D',
  'K',
]);

const KEY_QUERY_NAMES = new Set(['api_key', 'apikey', 'api-key', 'access_token', 'key', 'token']);

interface State {
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

export function importCurl(command: string): CurlImport {
  const words = splitWords(command);
  if (!words.ok) return words;
  const [first, ...rest] = words.words;
  if (first === undefined || !/(^|[/\\])curl(\.exe)?$/i.test(first)) return { ok: false, error: NOT_CURL };
  const state: State = {
    method: null,
    url: null,
    headers: [],
    data: [],
    json: false,
    form: [],
    get: false,
    head: false,
    timeoutMs: null,
    notes: [...words.notes],
    ignored: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] as string;
    if (!word.startsWith('-') || word.length === 1 || word === '--') {
      if (state.url === null) state.url = word;
      else state.notes.push(`Only the first URL was imported; ${word} was left out.`);
      continue;
    }
    for (const [option, attached] of splitOptions(word)) {
      const takesValue = WITH_VALUE.has(option);
      const value = takesValue ? (attached ?? rest[++i]) : undefined;
      if (takesValue && value === undefined) return { ok: false, error: `The option ${option} needs a value.` };
      const problem = applyOption(state, option, value);
      if (problem) return { ok: false, error: problem };
    }
  }
  if (state.ignored.length > 0)
    state.notes.push(`Ignored (not needed here): ${[...new Set(state.ignored)].join(', ')}.`);
  return build(state);
}

function splitWords(command: string): { ok: true; words: string[]; notes: string[] } | { ok: false; error: string } {
  // Backslash-newline continuations (and the Windows cmd `^` and PowerShell backtick forms).
  const joined = command.replace(/[\\^`]\r?\n/g, ' ').trim();
  if (joined === '') return { ok: false, error: NOT_CURL };
  let entries: ParseEntry[];
  try {
    entries = parse(joined, (name) => `$${name}`);
  } catch {
    return { ok: false, error: 'This command could not be read: check its quotes.' };
  }
  const words: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (typeof entry === 'string') {
      words.push(entry);
    } else if (entry && 'op' in entry && entry.op === 'glob') {
      words.push(entry.pattern);
    } else if (entry && 'op' in entry && entry.op === '&' && typeof entries[i + 1] === 'string' && words.length > 0) {
      // An unquoted URL with & in it: the shell would cut it, the user meant one URL.
      words[words.length - 1] += `&${entries[++i] as string}`;
    } else if (entry && 'comment' in entry) {
      break;
    } else {
      notes.push('Only the curl command was imported; what followed it (a pipe or another command) was left out.');
      break;
    }
  }
  return { ok: true, words, notes };
}

/** `-sSL` → -s, -S, -L; `-XPOST` → -X with POST attached; `--header` stays whole. */
function splitOptions(word: string): [string, string | null][] {
  if (word.startsWith('--')) return [[word, null]];
  const options: [string, string | null][] = [];
  for (let j = 1; j < word.length; j++) {
    const letter = word[j] as string;
    if (SHORT_WITH_VALUE.has(letter) && j + 1 < word.length) {
      options.push([`-${letter}`, word.slice(j + 1)]);
      break;
    }
    options.push([`-${letter}`, null]);
  }
  return options;
}

function applyOption(state: State, option: string, value: string | undefined): string | null {
  const v = value ?? '';
  switch (option) {
    case '-X':
    case '--request':
      state.method = v.toUpperCase();
      return null;
    case '--url':
      if (state.url === null) state.url = v;
      else state.notes.push(`Only the first URL was imported; ${v} was left out.`);
      return null;
    case '-H':
    case '--header':
      return addHeader(state, v);
    case '-A':
    case '--user-agent':
      state.headers.push({ name: 'User-Agent', value: v, enabled: true });
      return null;
    case '-e':
    case '--referer':
      state.headers.push({ name: 'Referer', value: v, enabled: true });
      return null;
    case '-b':
    case '--cookie':
      if (v.includes('=')) state.headers.push({ name: 'Cookie', value: v, enabled: true });
      else state.notes.push('A cookie file (-b file) cannot be read here; it was left out.');
      return null;
    case '--oauth2-bearer':
      state.headers.push({ name: 'Authorization', value: `Bearer ${v}`, enabled: true });
      return null;
    case '-d':
    case '--data':
    case '--data-ascii':
    case '--data-binary':
      if (v.startsWith('@')) {
        state.notes.push(`A body read from a file (${option} ${v}) cannot be imported; paste the body instead.`);
      } else state.data.push(option === '--data-binary' ? v : v.replace(/[\r\n]/g, ''));
      return null;
    case '--data-raw':
      state.data.push(v);
      return null;
    case '--data-urlencode':
      state.data.push(urlencodeData(state, v));
      return null;
    case '--json':
      state.json = true;
      if (v.startsWith('@')) state.notes.push(`A body read from a file (--json ${v}) cannot be imported.`);
      else state.data.push(v);
      return null;
    case '-F':
    case '--form':
    case '--form-string':
      return addFormField(state, option, v);
    case '-u':
    case '--user':
      state.notes.push('Basic authentication (-u user:password) is not supported by the console; it was left out.');
      return null;
    case '-G':
    case '--get':
      state.get = true;
      return null;
    case '-I':
    case '--head':
      state.head = true;
      return null;
    case '-m':
    case '--max-time': {
      const seconds = Number(v);
      if (Number.isFinite(seconds) && seconds > 0) state.timeoutMs = Math.min(300_000, Math.ceil(seconds * 1000));
      return null;
    }
    case '-L':
    case '--location':
      state.notes.push('Redirects are always followed (at most 5); the key is never sent to another origin.');
      return null;
    case '-k':
    case '--insecure':
      state.notes.push(
        'TLS verification stays on (-k ignored). For a local server with a self-signed certificate, tick "Accept a self-signed certificate (localhost only)".',
      );
      return null;
    default:
      if (IGNORED_WITH_VALUE.has(option)) state.ignored.push(`${option} ${v}`.trim());
      else state.ignored.push(option);
      return null;
  }
}

function addHeader(state: State, line: string): string | null {
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  if (colon <= 0 && semicolon > 0 && line.slice(semicolon + 1).trim() === '') {
    state.headers.push({ name: line.slice(0, semicolon).trim(), value: '', enabled: true }); // `-H 'X-Empty;'`
    return null;
  }
  if (colon <= 0) return `The header "${line.slice(0, 40)}" has no name: write it as Name: value.`;
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (value === '') return null; // `-H 'Accept:'` removes a default header in curl: nothing to send.
  state.headers.push({ name, value, enabled: true });
  return null;
}

function urlencodeData(state: State, spec: string): string {
  if (spec.startsWith('@') || /^[^=]*@/.test(spec.split('=')[0] ?? '')) {
    state.notes.push(`A value read from a file (--data-urlencode ${spec}) cannot be imported.`);
    return '';
  }
  const eq = spec.indexOf('=');
  if (eq === -1) return encodeURIComponent(spec);
  const name = spec.slice(0, eq);
  const content = encodeURIComponent(spec.slice(eq + 1));
  return name === '' ? content : `${name}=${content}`;
}

function addFormField(state: State, option: string, spec: string): string | null {
  const eq = spec.indexOf('=');
  if (eq <= 0) return `The form field "${spec.slice(0, 40)}" has no name: write it as name=value.`;
  const value = spec.slice(eq + 1);
  if (option !== '--form-string' && (value.startsWith('@') || value.startsWith('<'))) {
    state.notes.push(`File uploads (-F ${spec.slice(0, eq)}=${value}) are not supported; that field was left out.`);
    return null;
  }
  if (state.form.length === 0) {
    state.notes.push('multipart/form-data (-F) is sent as a URL-encoded form by the console.');
  }
  state.form.push({ name: spec.slice(0, eq), value });
  return null;
}

function build(state: State): CurlImport {
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
