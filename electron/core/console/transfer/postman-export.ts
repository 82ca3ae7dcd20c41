import { randomUUID } from 'node:crypto';
import type { ConsoleBody } from '../../../../shared/console/request';
import { writePostmanAuth, type PostmanAuthOut } from './postman-auth';
import { LANGUAGE_TYPES } from './postman-import';
import { encodeQueryPart, headerValue } from './request-parts';
import type {
  TransferCollection,
  TransferFolder,
  TransferRequest,
  TransferRow,
  TransferVariable,
} from './transfer-collection';

/**
 * The neutral tree → a Postman Collection v2.1 file, which Postman, Newman, Bruno and Insomnia all
 * import. Auth goes out as `{{variable}}` references only. Environment values are not read from the
 * tree: the caller passes the variables it knows to be plain (never a vault's secrets), and those
 * alone become the collection's `variable` list.
 */
export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

interface PostmanKeyValue {
  key: string;
  value: string;
  disabled?: true;
  type?: 'text' | 'string';
}

interface PostmanUrl {
  raw: string;
  protocol?: string;
  host: string[];
  port?: string;
  path: string[];
  query?: PostmanKeyValue[];
}

interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: {
    method: string;
    header: PostmanKeyValue[];
    url: PostmanUrl;
    body?: Record<string, unknown>;
    auth: PostmanAuthOut;
  };
}

export interface PostmanExportOptions {
  /** Plain (non-secret) variables to ship with the collection; nothing else leaves. */
  variables?: TransferVariable[];
  /** Fixed in tests; a fresh UUID otherwise, as Postman gives every collection. */
  postmanId?: string;
}

/** The Postman v2.1 document as an object (see `exportPostmanText` for the file's text). */
export function exportPostman(collection: TransferCollection, options: PostmanExportOptions = {}) {
  const variables = options.variables ?? [];
  return {
    info: {
      _postman_id: options.postmanId ?? randomUUID(),
      name: collection.name,
      schema: POSTMAN_SCHEMA_V21,
    },
    item: folderItems(collection.root),
    ...(variables.length > 0
      ? { variable: variables.map((v) => ({ key: v.name, value: v.value, type: 'string' as const })) }
      : {}),
  };
}

/** The file's text, tab-indented as Postman writes its own exports. */
export function exportPostmanText(collection: TransferCollection, options: PostmanExportOptions = {}): string {
  return `${JSON.stringify(exportPostman(collection, options), null, '\t')}\n`;
}

function folderItems(folder: TransferFolder): PostmanItem[] {
  return [
    ...folder.folders.map((child) => ({ name: child.name, item: folderItems(child) })),
    ...folder.requests.map(requestItem),
  ];
}

function keyValue(row: TransferRow, type?: 'text'): PostmanKeyValue {
  return {
    key: row.name,
    value: row.value,
    ...(row.enabled ? {} : { disabled: true as const }),
    ...(type ? { type } : {}),
  };
}

// Postman keeps query parameters as they appear in the URL, so they go out encoded.
const encodedRow = (row: TransferRow): TransferRow => ({
  ...row,
  name: encodeQueryPart(row.name),
  value: encodeQueryPart(row.value),
});

/**
 * A raw body's type survives only as a header in Postman: one is added when the body's language alone
 * would tell Postman another type (text/csv would go out as text/plain).
 */
function headersFor(request: TransferRequest): TransferRow[] {
  const { body } = request;
  if (body.kind !== 'raw' || headerValue(request.headers, 'content-type') !== null) return request.headers;
  if (LANGUAGE_TYPES[languageOf(body.contentType)] === body.contentType) return request.headers;
  return [...request.headers, { name: 'Content-Type', value: body.contentType, enabled: true }];
}

function requestItem(request: TransferRequest): PostmanItem {
  const body = postmanBody(request.body);
  return {
    name: request.name,
    request: {
      method: request.method,
      header: headersFor(request).map((row) => keyValue(row, 'text')),
      url: postmanUrl(request.url, request.query),
      ...(body ? { body } : {}),
      auth: writePostmanAuth(request.auth),
    },
  };
}

/**
 * Postman reads `host` and `path` (not `raw`) when it sends, so both are written the way Postman
 * splits a URL itself: `{{baseUrl}}/v1/items` → host `["{{baseUrl}}"]`, path `["v1", "items"]`.
 */
export function postmanUrl(url: string, rows: TransferRow[]): PostmanUrl {
  const query = rows.map(encodedRow);
  const search = query.filter((row) => row.enabled).map((row) => `${row.name}=${row.value}`);
  const raw = search.length > 0 ? `${url}?${search.join('&')}` : url;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  const rest = scheme ? url.slice(scheme[0].length) : url;
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? [] : rest.slice(slash + 1).split('/');
  // A port after the host (`localhost:3000`), but not a colon inside `{{…}}`.
  const port = /^(.*[^}]):(\d+)$/.exec(authority);
  return {
    raw,
    ...(scheme ? { protocol: scheme[1] } : {}),
    host: (port ? port[1]! : authority).split('.'),
    ...(port ? { port: port[2] } : {}),
    path,
    ...(query.length > 0 ? { query: query.map((row) => keyValue(row)) } : {}),
  };
}

// Postman's raw-body language for a content type; it has no other place for the type than a header.
function languageOf(contentType: string): string {
  if (/json/i.test(contentType)) return 'json';
  if (/xml/i.test(contentType)) return 'xml';
  if (/html/i.test(contentType)) return 'html';
  if (/javascript/i.test(contentType)) return 'javascript';
  return 'text';
}

function postmanBody(body: ConsoleBody): Record<string, unknown> | null {
  switch (body.kind) {
    case 'none':
      return null;
    case 'json':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
    case 'raw':
      return { mode: 'raw', raw: body.text, options: { raw: { language: languageOf(body.contentType) } } };
    case 'form':
      return {
        mode: 'urlencoded',
        urlencoded: body.fields.map((field) => ({ key: field.name, value: field.value, type: 'text' })),
      };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((part) => ({
          key: part.name,
          value: part.value,
          type: 'text',
          ...(part.contentType !== '' ? { contentType: part.contentType } : {}),
        })),
      };
  }
}
