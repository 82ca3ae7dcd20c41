import { MULTIPART_FORM, multipartContentType, multipartPayload, newBoundary, typedBoundary } from './multipart';
import type { ConsoleBody, ConsoleRequest } from './request';

/**
 * How a console request goes on the wire and how its answer is named: the rows actually sent, the
 * body and its default Content-Type, the URL with its query rows (and a query-parameter key), and
 * the meaning of a status code. Shared: main sends with these, the renderer previews with them.
 */
const STATUS_MEANINGS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: "I'm a teapot",
  421: 'Misdirected Request',
  422: 'Unprocessable Content',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  511: 'Network Authentication Required',
};

const CLASS_MEANINGS = ['', 'Informational', 'Success', 'Redirection', 'Client error', 'Server error'];

/** "Not Found" for 404; for an unlisted code, its class ("Client error" for 499). */
export function statusMeaning(status: number): string {
  return STATUS_MEANINGS[status] ?? CLASS_MEANINGS[Math.floor(status / 100)] ?? 'Unknown status';
}

/** The rows actually sent: enabled and named. */
export const activeRows = <R extends { name: string; enabled: boolean }>(rows: readonly R[]): R[] =>
  rows.filter((row) => row.enabled && row.name !== '');

/** The value of the first enabled Content-Type row, or null: it wins over the body kind's own type. */
export function typedContentType(headers: readonly { name: string; value: string; enabled: boolean }[]): string | null {
  return activeRows(headers).find((row) => row.name.toLowerCase() === 'content-type')?.value ?? null;
}

/** The default Content-Type for a body kind (a header row of the same name wins). */
export function bodyContentType(body: ConsoleBody): string | null {
  switch (body.kind) {
    case 'none':
      return null;
    case 'json':
      return 'application/json';
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'multipart':
      return MULTIPART_FORM; // the type alone: wireBody adds the boundary of the body it writes
    case 'raw':
      return body.contentType.trim() || null;
  }
}

/**
 * The body as it goes on the wire (form fields urlencoded, multipart parts between boundaries) and its
 * Content-Type. `typedContentType` is the request's own Content-Type row: a multipart body takes the
 * boundary it names, or adds a fresh one to it.
 */
export function wireBody(
  body: ConsoleBody,
  typedContentType: string | null,
): { payload: string | null; contentType: string | null } {
  switch (body.kind) {
    case 'none':
      return { payload: null, contentType: null };
    case 'json':
    case 'raw':
      return { payload: body.text, contentType: bodyContentType(body) };
    case 'form':
      return { payload: formPayload(body.fields), contentType: bodyContentType(body) };
    case 'multipart': {
      const boundary = (typedContentType !== null ? typedBoundary(typedContentType) : null) ?? newBoundary();
      return {
        payload: multipartPayload(body.parts, boundary),
        contentType: multipartContentType(typedContentType, boundary),
      };
    }
  }
}

export const formPayload = (fields: readonly { name: string; value: string }[]): string =>
  new URLSearchParams(fields.map((f): [string, string] => [f.name, f.value])).toString();

/**
 * The URL that is sent: the typed URL (its fragment dropped) with the enabled query rows appended,
 * and the key's query parameter when the scheme says so (replacing any of the same name). The typed
 * query string is kept byte for byte: only appended pairs are encoded.
 */
export function effectiveUrl(
  request: Pick<ConsoleRequest, 'url' | 'query'>,
  keyParam?: { name: string; value: string },
): URL {
  const url = new URL(request.url);
  url.hash = '';
  let pairs = url.search.length > 1 ? url.search.slice(1).split('&') : [];
  if (keyParam)
    pairs = pairs.filter((pair) => pair !== '' && decodeQueryPart(pair.split('=')[0] ?? '') !== keyParam.name);
  const added = activeRows(request.query).map((row) => [row.name, row.value] as const);
  if (keyParam) added.push([keyParam.name, keyParam.value]);
  for (const [name, value] of added) pairs.push(`${encodeQueryPart(name)}=${encodeQueryPart(value)}`);
  url.search = pairs.length > 0 ? `?${pairs.join('&')}` : '';
  return url;
}

export const encodeQueryPart = (text: string): string => new URLSearchParams([['', text]]).toString().slice(1);

export function decodeQueryPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
