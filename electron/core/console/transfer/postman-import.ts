import type { ConsoleBody } from '../../../../shared/console/request';
import { invalid, isRecord, listOf, parseJsonText, recordOf, textOf, type Rec } from './foreign-data';
import { ImportContext, quoted } from './import-context';
import { noteScripts, readPostmanAuth } from './postman-auth';
import {
  bodyFromText,
  decodeQueryPart,
  fillPathParams,
  formBody,
  graphqlBody,
  headerValue,
  methodOf,
  splitUrl,
  withoutMultipartType,
  type SourceField,
} from './request-parts';
import { guardRequest, guardVariable } from './secret-guard';
import type {
  TransferAuth,
  TransferCollection,
  TransferEnvironment,
  TransferFolder,
  TransferRequest,
  TransferRow,
} from './transfer-collection';

/**
 * Postman Collection v2.1 (and v2.0) → the neutral tree. Folders are items with `item`, requests items
 * with `request`; auth left to "inherit" takes the nearest folder's or the collection's. The
 * collection's `variable` list becomes one environment named after the collection.
 */
const SCHEMA = /\/collection\/v2\.([01])\.\d+\//;

/** Postman's raw-body languages, for the Content-Type when no header names one. */
export const LANGUAGE_TYPES: Record<string, string> = {
  json: 'application/json',
  text: 'text/plain',
  javascript: 'application/javascript',
  html: 'text/html',
  xml: 'application/xml',
};

export function importPostman(text: string): TransferCollection {
  return importPostmanData(parseJsonText(text, 'This Postman collection'));
}

/** Throws a CoreError when `data` is not a Postman v2.0/v2.1 collection. */
export function checkPostmanData(data: unknown): Rec {
  if (!isRecord(data)) throw invalid('This file is not a Postman collection.');
  if (Array.isArray(data.requests) && !isRecord(data.info)) {
    throw invalid(
      'Postman Collection v1 is not supported: export the collection again from Postman as Collection v2.1.',
    );
  }
  const schema = textOf(recordOf(data.info).schema);
  if (!SCHEMA.test(schema)) {
    throw invalid(
      schema === ''
        ? 'This file is not a Postman collection (v2.1): it has no info.schema.'
        : `This Postman collection's schema (${schema.slice(0, 120)}) is not supported; Keyhaven imports Collection v2.0 and v2.1.`,
    );
  }
  return data;
}

export function importPostmanData(data: unknown): TransferCollection {
  const collection = checkPostmanData(data);
  const ctx = new ImportContext();
  const name = textOf(recordOf(collection.info).name) || 'Postman collection';
  noteScripts(collection, ctx);
  const own = readPostmanAuth(collection.auth, name, ctx);
  const auth: TransferAuth = own === 'inherit' ? { kind: 'none' } : own;
  const root = readFolder(listOf(collection.item), name, auth, 0, ctx);
  return { format: 'postman', name, root, environments: readVariables(collection, name, ctx), notes: ctx.notes };
}

function readFolder(items: unknown[], name: string, inherited: TransferAuth, depth: number, ctx: ImportContext) {
  ctx.checkDepth(depth);
  const folder: TransferFolder = { name, folders: [], requests: [] };
  for (const item of items) {
    if (!isRecord(item)) continue;
    noteScripts(item, ctx);
    if (Array.isArray(item.item)) {
      const folderName = textOf(item.name) || 'Untitled folder';
      const own = readPostmanAuth(item.auth, folderName, ctx);
      folder.folders.push(readFolder(item.item, folderName, own === 'inherit' ? inherited : own, depth + 1, ctx));
    } else if (item.request !== undefined) {
      const request = readRequest(item, inherited, ctx);
      if (request) folder.requests.push(request);
    }
  }
  return folder;
}

function readRequest(item: Rec, inherited: TransferAuth, ctx: ImportContext): TransferRequest | null {
  const name = textOf(item.name) || 'Untitled request';
  // The schema allows a request to be just its URL.
  const source: Rec = typeof item.request === 'string' ? { url: item.request } : recordOf(item.request);
  const method = methodOf(textOf(source.method), name, ctx);
  if (method === null) return null;
  const { url, query } = readUrl(source.url);
  const headers = readHeaders(source.header);
  const body = readBody(source.body, headers, name, ctx);
  const multipart = body.kind === 'multipart';
  const own = readPostmanAuth(source.auth, name, ctx);
  ctx.countRequest();
  return guardRequest(
    {
      name,
      method,
      url,
      query,
      headers: multipart ? withoutMultipartType(headers) : headers,
      body,
      auth: own === 'inherit' ? inherited : own,
    },
    ctx,
  );
}

const enabledOf = (entry: Rec): boolean => entry.disabled !== true;

/** `url` as a string or as Postman's object (raw, host, path, query, variable). */
function readUrl(value: unknown): { url: string; query: TransferRow[] } {
  if (!isRecord(value)) return splitUrl(textOf(value));
  const raw = textOf(value.raw) || urlFromParts(value);
  const split = splitUrl(raw);
  const query = Array.isArray(value.query)
    ? value.query.filter(isRecord).map((q) => ({
        name: decodeQueryPart(textOf(q.key)),
        value: decodeQueryPart(textOf(q.value)),
        enabled: enabledOf(q),
      }))
    : split.query;
  const params = listOf(value.variable)
    .filter(isRecord)
    .map((v) => ({ name: textOf(v.key), value: textOf(v.value) }));
  return { url: fillPathParams(split.url, params), query };
}

/** A URL object saved without `raw` (older exports, generated files). */
function urlFromParts(url: Rec): string {
  const part = (segment: unknown) => (isRecord(segment) ? textOf(segment.value) : textOf(segment));
  const join = (value: unknown, separator: string) =>
    Array.isArray(value) ? value.map(part).join(separator) : textOf(value);
  const protocol = textOf(url.protocol);
  const port = textOf(url.port);
  const path = join(url.path, '/');
  return `${protocol ? `${protocol}://` : ''}${join(url.host, '.')}${port ? `:${port}` : ''}${path ? `/${path}` : ''}`;
}

/** `header` as rows; the schema also allows one string of `Name: value` lines. */
function readHeaders(value: unknown): TransferRow[] {
  if (typeof value === 'string') {
    return value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.includes(':'))
      .map((line) => {
        const colon = line.indexOf(':');
        return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), enabled: true };
      });
  }
  return listOf(value)
    .filter(isRecord)
    .map((h) => ({ name: textOf(h.key), value: textOf(h.value), enabled: enabledOf(h) }));
}

function fieldsOf(value: unknown): SourceField[] {
  return listOf(value)
    .filter(isRecord)
    .map((f) => ({
      name: textOf(f.key),
      value: textOf(f.value),
      enabled: enabledOf(f),
      file: f.type === 'file',
      contentType: textOf(f.contentType),
    }));
}

function readBody(value: unknown, headers: TransferRow[], name: string, ctx: ImportContext): ConsoleBody {
  if (!isRecord(value) || value.disabled === true) return { kind: 'none' };
  switch (textOf(value.mode)) {
    case 'raw': {
      const language = textOf(recordOf(recordOf(value.options).raw).language);
      const type = headerValue(headers, 'content-type') ?? LANGUAGE_TYPES[language] ?? 'text/plain';
      return bodyFromText(textOf(value.raw), type);
    }
    case 'urlencoded':
      return formBody(fieldsOf(value.urlencoded), false, name, ctx);
    case 'formdata':
      return formBody(fieldsOf(value.formdata), true, name, ctx);
    case 'graphql': {
      const graphql = recordOf(value.graphql);
      return graphqlBody(textOf(graphql.query), textOf(graphql.variables));
    }
    case 'file':
      ctx.note(`The file body of ${quoted(name)} was not imported: the console sends text bodies only.`);
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

function readVariables(collection: Rec, name: string, ctx: ImportContext): TransferEnvironment[] {
  const entries = listOf(collection.variable).filter(isRecord);
  ctx.checkVariables(entries.length, name);
  const variables = entries
    .filter((v) => v.disabled !== true && textOf(v.key) !== '')
    .map((v) => guardVariable(name, { name: textOf(v.key), value: textOf(v.value) }, v.type === 'secret', ctx));
  return variables.length === 0 ? [] : [{ name, variables }];
}
