import { readFormPart } from './curl-form';
import type { HeaderRow, MultipartPart } from './request';

/**
 * The options curl-import.ts carries out, each as curl 8 does it (src/tool_getparam.c, tool_operate.c):
 * data pieces joined with `&` (a --json piece without), a body from a file refused unless it is the
 * standard input an `echo` in front provides, headers curl adds only when the command did not set the
 * same one, and `$VAR`s kept apart, since only the user's shell knows their values.
 */
type Word = { text: string; expands: boolean };

export interface CurlState {
  method: string | null;
  url: Word | null;
  /** The command's own -H headers, in order (an empty `Name:` removes curl's own header of that name). */
  headers: HeaderRow[];
  /** The first -H Content-Type's value as typed, leading spaces aside (curl keeps the rest for a form). */
  typedContentType: string | null;
  removed: Set<string>;
  /** Headers curl adds from options (-u, -A, -e, -b, -r, --compressed, --oauth2-bearer). */
  added: Map<string, HeaderRow>;
  /** The body curl would send (`postfields`), or null. */
  data: string | null;
  /** The -F/--form-string parts of a multipart body, or null. */
  parts: MultipartPart[] | null;
  json: boolean;
  get: boolean;
  head: boolean;
  globoff: boolean;
  /** --url-query pieces, already encoded. */
  urlQuery: string[];
  /** -H rows holding a `$VAR`: fine as the one key (chosen from a vault), refused anywhere else. */
  expandedRows: Set<HeaderRow>;
  timeoutMs: number | null;
  /** A shell variable somewhere other than a key: the request cannot be what curl sends. */
  expands: string | null;
  stdin: string | null;
  notes: string[];
  ignored: string[];
}

export function newCurlState(stdin: string | null, notes: string[]): CurlState {
  return {
    method: null,
    url: null,
    headers: [],
    typedContentType: null,
    removed: new Set(),
    added: new Map(),
    data: null,
    parts: null,
    json: false,
    get: false,
    head: false,
    globoff: false,
    urlQuery: [],
    expandedRows: new Set(),
    timeoutMs: null,
    expands: null,
    stdin,
    notes: [...notes],
    ignored: [],
  };
}

/** curl's Accept-Encoding for --compressed, as Debian's curl (zlib, brotli, zstd) sends it. */
export const COMPRESSED_ENCODINGS = 'deflate, gzip, br, zstd';

export function applyOption(
  state: CurlState,
  name: string,
  negated: boolean,
  word: Word | null,
  spelled = `--${name}`,
): string | null {
  const v = word?.text ?? '';
  // A -H key like `Bearer $API_KEY` is imported as "choose the key" (curl-request.ts); anything else
  // holding a shell variable cannot be sent as curl would send it.
  if (word?.expands && name !== 'header') state.expands ??= v;
  switch (name) {
    case 'url':
      if (state.url !== null)
        return 'This command names two URLs: curl would send a request to each. Import one at a time.';
      state.url = word;
      return null;
    case 'request':
      state.method = v;
      return null;
    case 'header':
      return addHeader(state, v, word?.expands ?? false);
    case 'user-agent':
      return addedHeader(state, 'User-Agent', v);
    case 'referer':
      return addedHeader(state, 'Referer', v.replace(/;auto$/, ''));
    case 'oauth2-bearer':
      return addedHeader(state, 'Authorization', `Bearer ${v}`);
    case 'user':
      if (!v.includes(':'))
        return 'curl would ask for the password of -u user on the terminal: write -u user:password.';
      return addedHeader(state, 'Authorization', basicCredential(v));
    case 'basic':
      return null; // Basic is what -u sends anyway
    case 'cookie':
      if (!v.includes('='))
        return `It reads cookies from the file ${v.slice(0, 60)} (-b file), which cannot be imported.`;
      return addedHeader(state, 'Cookie', [state.added.get('cookie')?.value, v].filter(Boolean).join('; '));
    case 'range':
      return addedHeader(state, 'Range', `bytes=${v}`);
    case 'compressed':
      if (negated) state.added.delete('accept-encoding');
      else addedHeader(state, 'Accept-Encoding', COMPRESSED_ENCODINGS);
      return null;
    case 'get':
      state.get = !negated;
      return null;
    case 'head':
      state.head = !negated;
      return null;
    case 'globoff':
      state.globoff = !negated;
      return null;
    case 'max-time': {
      const seconds = Number(v);
      if (Number.isFinite(seconds) && seconds > 0) state.timeoutMs = Math.min(300_000, Math.ceil(seconds * 1000));
      return null;
    }
    case 'url-query':
      return urlQuery(state, v);
    case 'form':
    case 'form-string': {
      const read = readFormPart(v, name === 'form-string', spelled);
      if ('error' in read) return read.error;
      (state.parts ??= []).push(read.part);
      state.notes.push(...read.notes);
      return null;
    }
    case 'location':
    case 'follow':
      if (!negated) state.notes.push('Redirects are followed (at most 5), and the key never goes to another origin.');
      return null;
    case 'insecure':
      if (!negated)
        state.notes.push(
          'TLS verification stays on (-k ignored). For a local server with a self-signed certificate, tick "Accept a self-signed certificate (localhost only)".',
        );
      return null;
    case 'proxy':
      state.notes.push('The console sends directly, not through the proxy (-x): the server receives the same request.');
      return null;
    default:
      return addData(state, name, v);
  }
}

function addHeader(state: CurlState, line: string, expands: boolean): string | null {
  if (line.startsWith('@'))
    return `It reads headers from the file ${line.slice(1, 61)} (-H @file), which cannot be imported.`;
  const colon = line.indexOf(':');
  const semicolon = line.indexOf(';');
  if ((colon === -1 || semicolon < colon) && semicolon > 0 && line.slice(semicolon + 1).trim() === '') {
    state.headers.push({ name: line.slice(0, semicolon).trim(), value: '', enabled: true }); // `-H 'X-Empty;'`
    return null;
  }
  if (colon <= 0) return `The header "${line.slice(0, 40)}" has no name: write it as Name: value.`;
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (name.toLowerCase() === 'content-type') state.typedContentType ??= line.slice(colon + 1).replace(/^ +/, '');
  if (expands && !/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value.split(/\s+/).at(-1) ?? '')) state.expands ??= line;
  if (value === '') {
    state.removed.add(name.toLowerCase()); // `-H 'Accept:'`: curl leaves out its own header of that name
    return null;
  }
  const row = { name, value, enabled: true };
  state.headers.push(row);
  if (expands) state.expandedRows.add(row);
  return null;
}

/** A header curl makes from an option; a -H of the same name, before or after it, wins (as in curl). */
function addedHeader(state: CurlState, name: string, value: string): null {
  state.added.set(name.toLowerCase(), { name, value, enabled: true });
  return null;
}

/** `Basic <base64 of user:password>`, the UTF-8 bytes as curl sends them (-u, or a user in the URL). */
export function basicCredential(userAndPassword: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(userAndPassword)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** curl_easy_escape with the space as `+`, as --data-urlencode sends it: all but A–Z a–z 0–9 - . _ ~ as %XX. */
export function curlEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c)
      ? c
      : byte === 0x20
        ? '+'
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `name=content` / `=content` / `content` encoded as --data-urlencode does; `@file` forms refused. */
function urlencoded(spec: string, option: string): string | { error: string } {
  const eq = spec.indexOf('=');
  const at = eq === -1 ? spec.indexOf('@') : -1;
  if (at !== -1)
    return {
      error: `It reads a value from the file ${spec.slice(at + 1, at + 61)} (${option}), which cannot be imported.`,
    };
  if (eq === -1) return curlEscape(spec);
  const name = spec.slice(0, eq);
  const content = curlEscape(spec.slice(eq + 1));
  return name === '' ? content : `${name}=${content}`;
}

function urlQuery(state: CurlState, spec: string): string | null {
  if (spec.startsWith('+')) {
    state.urlQuery.push(spec.slice(1));
    return null;
  }
  const encoded = urlencoded(spec, '--url-query');
  if (typeof encoded !== 'string') return encoded.error;
  state.urlQuery.push(encoded);
  return null;
}

/** -d, --data-ascii, --data-binary, --data-raw, --data-urlencode, --json: one piece of the body. */
function addData(state: CurlState, option: string, v: string): string | null {
  let piece: string;
  if (option === 'data-urlencode') {
    const encoded = urlencoded(v, '--data-urlencode');
    if (typeof encoded !== 'string') return encoded.error;
    piece = encoded;
  } else if (v.startsWith('@') && option !== 'data-raw') {
    const file = v.slice(1);
    if (file !== '-' || state.stdin === null) {
      return file === '-'
        ? `The body is read from the standard input (--${option} @-), which cannot be imported: paste the body instead.`
        : `The body is read from the file ${file.slice(0, 60)} (--${option} @${file.slice(0, 60)}), which cannot be imported: paste the body instead.`;
    }
    // -d @file strips carriage returns and newlines; --data-binary and --json keep the bytes
    piece = option === 'data-binary' || option === 'json' ? state.stdin : state.stdin.replace(/[\r\n]/g, '');
  } else if (
    option === 'data' ||
    option === 'data-ascii' ||
    option === 'data-binary' ||
    option === 'data-raw' ||
    option === 'json'
  ) {
    piece = v;
  } else {
    return `The option --${option} is not handled here.`;
  }
  if (option === 'json') state.json = true;
  state.data = state.data === null ? piece : `${state.data}${option === 'json' ? '' : '&'}${piece}`;
  return null;
}
