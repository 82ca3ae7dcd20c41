import type { HeaderScheme } from '../catalogs/service-presets';
import { basicCredential, type CurlState } from './curl-apply';
import { liftKey } from './curl-key';
import { MULTIPART_FORM, typedBoundary } from './multipart';
import { CONSOLE_METHODS, consoleRequestSchema, type ConsoleBody, type ConsoleMethod, type HeaderRow } from './request';

/**
 * The console request a curl command becomes (issue 16): the URL and its query exactly as typed, the
 * command's headers as given (Content-Type with its charset, Host, an empty `Accept:` that removes
 * curl's default), the headers curl itself adds from options, and the body's bytes as curl joins them.
 * A key is moved to Authentication only when there is exactly one (curl-key.ts).
 */
export type CurlImport =
  | {
      ok: true;
      request: ReturnType<typeof consoleRequestSchema.parse>;
      /** What to show the user: what was left out, ignored or moved (never the key). */
      notes: string[];
      /** The scheme the key was found under, also when it was an environment variable reference. */
      keyScheme: HeaderScheme | null;
    }
  | { ok: false; error: string };

const FORM = 'application/x-www-form-urlencoded';
const refuse = (error: string): CurlImport => ({ ok: false, error });

export function buildCurlRequest(state: CurlState): CurlImport {
  if (state.url === null) return refuse('This curl command has no URL.');
  if (state.expands !== null) {
    const names = [...state.expands.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => `$${m[1]}`);
    return refuse(
      `This command uses ${names.length > 0 ? names.join(', ') : 'a shell expansion'}, which only your shell knows: replace it with its value, or use a console environment variable.`,
    );
  }
  let urlText = state.url.text;
  if (!state.globoff && /[[\]{}]/.test(urlText)) {
    return refuse(
      'curl reads [ ] and { } in a URL as ranges and lists, sending several requests: add -g (--globoff) to send the URL as typed.',
    );
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) {
    urlText = `http://${urlText}`;
    state.notes.push('The URL had no scheme: http:// was assumed, as curl does.');
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return refuse(`"${state.url.text.slice(0, 80)}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return refuse('Only http:// and https:// URLs can be imported.');
  if (url.username || url.password) {
    if (!state.added.has('authorization')) {
      const credentials = `${percentDecoded(url.username)}:${percentDecoded(url.password)}`;
      state.added.set('authorization', {
        name: 'Authorization',
        value: basicCredential(credentials),
        enabled: true,
      });
    }
    state.notes.push('The user name and password in the URL became Basic authentication.');
    url.username = '';
    url.password = '';
  }
  url.hash = '';

  if (state.head && (state.data !== null || state.parts !== null))
    return refuse('curl refuses -I (HEAD) with a body: "You can only select one HTTP request method".');
  if (state.parts !== null && state.data !== null)
    return refuse(
      'curl refuses -F (a multipart form) together with -d or --json: "You can only select one HTTP request method".',
    );
  // What curl puts on the request line: the query as typed, then -G data and --url-query pieces.
  let query = typedQuery(urlText);
  const appended = [...(state.get && state.data !== null ? [state.data] : []), ...state.urlQuery];
  if (state.get) state.data = null;
  for (const piece of appended) {
    // eslint-disable-next-line no-control-regex -- a control character is exactly what curl refuses here
    if (/[\s\x00-\x1f]/.test(piece)) {
      return refuse(
        'curl refuses a URL with a space or a line break in it (-G data or --url-query): encode it, or use --data-urlencode.',
      );
    }
    // Debian's curl writes the %XX it appends to a URL in lower case (its URL parser normalises them)
    query = `${query === '' ? '' : `${query}&`}${piece.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`;
  }
  url.search = query === '' ? '' : `?${query}`;
  if (url.search.slice(1) !== query) {
    return refuse(
      'The console would send this URL’s query with characters encoded that curl sends as typed (such as \' or "): encode them in the URL first.',
    );
  }

  const method = state.method ?? (state.head ? 'HEAD' : state.data !== null || state.parts !== null ? 'POST' : 'GET');
  if (!(CONSOLE_METHODS as readonly string[]).includes(method)) {
    return refuse(
      `curl would send the method "${method.slice(0, 20)}" exactly as written; the console sends ${CONSOLE_METHODS.join(', ')}.`,
    );
  }
  const headers = finalHeaders(state);
  const body = state.parts !== null ? multipartOf(state, headers) : bodyOf(state, headers);
  if ('error' in body) return refuse(body.error);
  const lifted = liftKey(headers, url, state.notes);
  if ('error' in lifted) return refuse(lifted.error);
  const unresolved = headers.find((row) => state.expandedRows.has(row));
  if (unresolved !== undefined) {
    return refuse(
      `The header ${unresolved.name} uses a shell variable only your shell knows (and this command has more than one key, so it is not taken as the key to choose): replace it with its value.`,
    );
  }
  const parsed = consoleRequestSchema.safeParse({
    method: method as ConsoleMethod,
    url: lifted.url.toString(),
    query: [],
    headers,
    body,
    auth: lifted.auth,
    ...(state.timeoutMs !== null ? { timeoutMs: state.timeoutMs } : {}),
  });
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'This request is not valid.');
  return { ok: true, request: parsed.data, notes: state.notes, keyScheme: lifted.keyScheme };
}

/** curl decodes %XX in the URL's user name and password; a lone % stays as it is. */
function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The query exactly as typed: after the first `?`, before any `#`. */
function typedQuery(urlText: string): string {
  const withoutFragment = urlText.split('#')[0] ?? '';
  const at = withoutFragment.indexOf('?');
  return at === -1 ? '' : withoutFragment.slice(at + 1);
}

/** The command's -H rows, then what curl adds from its options unless a -H set or removed the same name. */
function finalHeaders(state: CurlState): HeaderRow[] {
  const given = new Set(state.headers.map((row) => row.name.toLowerCase()));
  const rows = [...state.headers];
  const add = (name: string, value: string) => {
    const lower = name.toLowerCase();
    if (!given.has(lower) && !state.removed.has(lower)) rows.push({ name, value, enabled: true });
  };
  for (const row of state.added.values()) add(row.name, row.value);
  if (state.json && state.data !== null) {
    add('Content-Type', 'application/json');
    add('Accept', 'application/json');
  }
  // An empty Accept row stops the console from adding its default `Accept: */*`, as `-H 'Accept:'` does in curl.
  if (state.removed.has('accept') && !given.has('accept')) rows.push({ name: 'Accept', value: '', enabled: true });
  return rows;
}

/**
 * The body, its bytes as curl would send them. Form data stays a form (editable as fields) only when
 * the console would encode those fields back to the very same bytes; otherwise it is raw text.
 */
function bodyOf(state: CurlState, headers: HeaderRow[]): ConsoleBody {
  if (state.data === null) return { kind: 'none' };
  const typed = headers.find((row) => row.name.toLowerCase() === 'content-type');
  const contentType = typed?.value ?? (state.removed.has('content-type') ? '' : FORM);
  const essence = contentType.split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/json' && isJson(state.data)) {
    if (typed?.value.toLowerCase() === 'application/json' && state.json) headers.splice(headers.indexOf(typed), 1);
    return { kind: 'json', text: state.data };
  }
  if (typed === undefined && contentType === FORM) {
    const fields = [...new URLSearchParams(state.data)].map(([name, value]) => ({ name, value }));
    const again = new URLSearchParams(fields.map((f): [string, string] => [f.name, f.value])).toString();
    if (again === state.data && fields.length > 0) return { kind: 'form', fields };
  }
  return { kind: 'raw', text: state.data, contentType: typed === undefined ? contentType : '' };
}

/**
 * A multipart body; a Content-Type row may only be multipart/form-data without a boundary, to which
 * the console adds its boundary as curl does. Under another type curl writes the parts as attachments.
 */
function multipartOf(state: CurlState, headers: HeaderRow[]): ConsoleBody | { error: string } {
  const typed = headers.find((row) => row.name.toLowerCase() === 'content-type');
  // curl takes the first -H Content-Type, an empty one included, with its spaces and tabs as typed.
  if (state.typedContentType === '')
    return { error: 'curl would send an empty Content-Type with this form (-H "Content-Type:"): remove that header.' };
  if (typed !== undefined && state.typedContentType !== typed.value)
    return {
      error:
        'curl would send this form’s Content-Type with the spaces or tabs typed around it, and the console would not: remove them.',
    };
  if (typed !== undefined) {
    if (typed.value.split(';')[0]?.trim().toLowerCase() !== MULTIPART_FORM)
      return {
        error: `curl writes the parts as attachments under Content-Type ${typed.value.slice(0, 60)}, which the console does not: remove that header, or make it multipart/form-data.`,
      };
    if (typedBoundary(typed.value) !== null)
      return {
        error:
          'curl would add its own boundary after the one this Content-Type names, and the body would not match it: remove the boundary.',
      };
  }
  return { kind: 'multipart', parts: state.parts ?? [] };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
