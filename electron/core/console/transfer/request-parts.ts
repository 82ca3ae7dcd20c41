import { CONSOLE_METHODS, type ConsoleBody, type ConsoleMethod } from '../../../../shared/console/request';
import { quoted, type ImportContext } from './import-context';
import type { TransferRow } from './transfer-collection';

/**
 * Pieces every importer needs to turn another tool's request into ours, so the formats agree on how
 * a method, a URL with its query string, a path parameter and a body are read.
 */

/** The method in upper case, or null (with a note) for one the console cannot send. */
export function methodOf(raw: string, requestName: string, ctx: ImportContext): ConsoleMethod | null {
  const method = raw.trim().toUpperCase() || 'GET';
  const known = CONSOLE_METHODS.find((candidate) => candidate === method);
  if (known) return known;
  ctx.note(`${quoted(requestName)} uses the method ${method}, which the console does not send; it was skipped.`);
  return null;
}

/**
 * A query name or value as typed in a URL → the row's text. Rows are encoded again when sent
 * (wire.ts), so keeping `%20` here would send `%2520`. `+` is a space, as servers read it.
 */
export function decodeQueryPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A lone `%` (or `%{{x}}`) is not an escape: keep the text as written.
    return text;
  }
}

/** The inverse for files whose URLs are text (Postman's `raw`), leaving `{{variables}}` readable. */
export function encodeQueryPart(text: string): string {
  return text
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, index) => (index % 2 === 1 ? part : new URLSearchParams([['', part]]).toString().slice(1)))
    .join('');
}

/** Query pairs of `a=1&b=x%20y` as rows, decoded; empty pairs (`a=1&&b`) are skipped. */
export function queryRows(search: string): TransferRow[] {
  return search
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      return { name: decodeQueryPart(name), value: decodeQueryPart(value), enabled: true };
    });
}

/**
 * `{{baseUrl}}/items?limit=10#top` → url `{{baseUrl}}/items`, query [limit=10]. The URL is kept as
 * text, not parsed by `new URL`: it usually starts with a variable, which no URL parser accepts.
 */
export function splitUrl(raw: string): { url: string; query: TransferRow[] } {
  const text = raw.trim();
  const hash = text.indexOf('#');
  const withoutFragment = hash === -1 ? text : text.slice(0, hash);
  const mark = withoutFragment.indexOf('?');
  if (mark === -1) return { url: withoutFragment, query: [] };
  return { url: withoutFragment.slice(0, mark), query: queryRows(withoutFragment.slice(mark + 1)) };
}

/**
 * Postman and Bruno write path parameters as `/:id` with values beside the URL; the console has only
 * `{{variables}}`, so a value given is put in place and an empty one becomes `{{id}}` to fill in.
 */
export function fillPathParams(url: string, params: { name: string; value: string }[]): string {
  let out = url;
  for (const { name, value } of params) {
    if (name === '') continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const segment = new RegExp(`/:${escaped}(?=[/?#]|$)`, 'g');
    out = out.replace(segment, () => `/${value === '' ? `{{${name}}}` : value}`);
  }
  return out;
}

export function headerValue(headers: TransferRow[], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find((row) => row.enabled && row.name.toLowerCase() === lower)?.value ?? null;
}

/** Text with a content type: JSON when the type says so, else raw text of that type. Empty text is no body. */
export function bodyFromText(text: string, contentType: string): ConsoleBody {
  if (text === '') return { kind: 'none' };
  if (/json/i.test(contentType)) return { kind: 'json', text };
  return { kind: 'raw', text, contentType: contentType.trim() || 'text/plain' };
}

export interface SourceField {
  name: string;
  value: string;
  enabled: boolean;
  /** A file upload: the console sends text fields only. */
  file: boolean;
  /** A multipart part's own Content-Type, when the source names one. */
  contentType?: string;
}

/**
 * Form fields as the console's URL-encoded form, or its multipart form (text parts, each with the
 * content type the source gave it). File fields are left out, with a note.
 */
export function formBody(
  fields: SourceField[],
  multipart: boolean,
  requestName: string,
  ctx: ImportContext,
): ConsoleBody {
  if (fields.some((field) => field.file)) {
    ctx.note(`The file fields of ${quoted(requestName)} were not imported: the console sends text fields only.`);
  }
  if (fields.some((field) => !field.enabled && !field.file)) {
    ctx.note(`The turned-off form fields of ${quoted(requestName)} were not imported.`);
  }
  const kept = fields.filter((field) => field.enabled && !field.file);
  if (multipart) {
    return {
      kind: 'multipart',
      parts: kept.map(({ name, value, contentType }) => ({ name, value, contentType: contentType ?? '' })),
    };
  }
  return { kind: 'form', fields: kept.map(({ name, value }) => ({ name, value })) };
}

/** Drops a `Content-Type: multipart/…` row: the console writes its own, with the boundary of the body it sends. */
export function withoutMultipartType(headers: TransferRow[]): TransferRow[] {
  return headers.filter((row) => !(row.name.toLowerCase() === 'content-type' && /multipart\//i.test(row.value)));
}

/** A GraphQL request as the JSON document it is sent as (`{ query, variables }`). */
export function graphqlBody(query: string, variablesText: string): ConsoleBody {
  let variables: unknown;
  try {
    variables = JSON.parse(variablesText || '{}');
  } catch {
    // Half-typed variables are still the user's text: sent as a string rather than lost.
    variables = variablesText;
  }
  return { kind: 'json', text: JSON.stringify({ query, variables }, null, 2) };
}
