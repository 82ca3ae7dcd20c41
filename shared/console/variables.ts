import { z } from 'zod';

/**
 * `{{name}}` variables in console requests (issue 13), as Postman, Bruno and Insomnia write them. The
 * renderer uses these to highlight what the open environment does not define; main uses the same
 * functions to fill a request in at send time, after which the filled request is validated again.
 * Pure: no Node, no I/O.
 */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const VARIABLE_IN_TEXT = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;
// Without the g flag: `test` on a global pattern moves its lastIndex, which later matchAll calls start from.
const ANY_VARIABLE = new RegExp(VARIABLE_IN_TEXT.source);

export const variableNameSchema = z.string().trim().regex(VARIABLE_NAME, {
  error: 'A variable name starts with a letter or _ and has letters, digits, _ . and - only (at most 64).',
});

export function hasVariables(text: string): boolean {
  return ANY_VARIABLE.test(text);
}

/** The names used in a text, in order of first use. */
export function variablesIn(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(VARIABLE_IN_TEXT)) names.add(match[1] as string);
  return [...names];
}

/**
 * True when a value is variables and at most a scheme word (`Bearer {{apiKey}}`, `{{token}}`): it
 * names a key without holding one, so it may be stored even in a credential header.
 */
export function onlyVariables(text: string): boolean {
  if (!hasVariables(text)) return false;
  return /^[A-Za-z-]{0,20}$/.test(text.replace(VARIABLE_IN_TEXT, '').trim());
}

/** Replaces the variables `values` knows; the others stay as written (so they can be named). */
export function fillText(text: string, values: ReadonlyMap<string, string>): string {
  if (!text.includes('{{')) return text;
  return text.replace(VARIABLE_IN_TEXT, (whole, name: string) => values.get(name) ?? whole);
}

/** Splits a text into literal parts and variables, for highlighting. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: string; text: string };
export function templateParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of text.matchAll(VARIABLE_IN_TEXT)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ kind: 'text', text: text.slice(at, index) });
    parts.push({ kind: 'variable', name: match[1] as string, text: match[0] });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** A request body as request.ts defines it (written out here so the two files do not import each other). */
type ConsoleBody =
  | { kind: 'none' }
  | { kind: 'json'; text: string }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'form'; fields: { name: string; value: string }[] }
  | { kind: 'multipart'; parts: { name: string; value: string; contentType?: string }[] };

/** What of a request may hold variables: the URL, rows, body and raw content type (never the auth). */
export interface TemplatedRequest {
  url: string;
  query: { name: string; value: string; enabled: boolean }[];
  headers: { name: string; value: string; enabled: boolean }[];
  body: ConsoleBody;
}

function bodyTexts(body: ConsoleBody): string[] {
  switch (body.kind) {
    case 'none':
      return [];
    case 'json':
      return [body.text];
    case 'raw':
      return [body.text, body.contentType];
    case 'form':
      return body.fields.flatMap((field) => [field.name, field.value]);
    case 'multipart':
      return body.parts.flatMap((part) => [part.name, part.value, part.contentType ?? '']);
  }
}

/** Every variable the request would send (disabled rows do not count). */
export function requestVariables(request: TemplatedRequest): string[] {
  const texts = [
    request.url,
    ...request.query.filter((row) => row.enabled).flatMap((row) => [row.name, row.value]),
    ...request.headers.filter((row) => row.enabled).map((row) => row.value),
    ...bodyTexts(request.body),
  ];
  return [...new Set(texts.flatMap(variablesIn))];
}

export function fillRequest<T extends TemplatedRequest>(request: T, values: ReadonlyMap<string, string>): T {
  const fill = (text: string) => fillText(text, values);
  const rows = <R extends { name: string; value: string }>(list: readonly R[]) =>
    list.map((row) => ({ ...row, name: fill(row.name), value: fill(row.value) }));
  const body: ConsoleBody =
    request.body.kind === 'json'
      ? { kind: 'json', text: fill(request.body.text) }
      : request.body.kind === 'raw'
        ? { kind: 'raw', text: fill(request.body.text), contentType: fill(request.body.contentType) }
        : request.body.kind === 'form'
          ? { kind: 'form', fields: rows(request.body.fields) }
          : request.body.kind === 'multipart'
            ? {
                kind: 'multipart',
                parts: rows(request.body.parts).map((part) => ({ ...part, contentType: fill(part.contentType ?? '') })),
              }
            : request.body;
  return {
    ...request,
    url: fill(request.url),
    query: rows(request.query),
    headers: request.headers.map((row) => ({ ...row, value: fill(row.value) })),
    body,
  };
}
