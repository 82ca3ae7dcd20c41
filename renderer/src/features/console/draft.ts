import type { HeaderScheme, HeaderSchemeKind } from '../../../../shared/catalogs/service-presets';
import {
  MAX_BYTES_DEFAULT,
  TIMEOUT_DEFAULT_MS,
  type ConsoleAuth,
  type ConsoleMethod,
  type ConsoleRequest,
  type ConsoleRequestInput,
  type StoredAuth,
  type StoredRequest,
} from '../../../../shared/console/request';

/**
 * The console's editor model: what the user is editing, in a shape that suits tables and tabs. The
 * typed key is not part of it (it lives beside it in the store and is never stored anywhere else).
 */
export interface DraftRow {
  /** A React key only; never sent. */
  id: number;
  name: string;
  value: string;
  enabled: boolean;
  /** A multipart part's Content-Type ('' for none); other tables leave it out. */
  contentType?: string;
}

export type BodyKind = 'none' | 'json' | 'form' | 'multipart' | 'raw';
export type AuthKind = 'none' | 'entry' | 'typed';

export interface Draft {
  method: ConsoleMethod;
  url: string;
  query: DraftRow[];
  headers: DraftRow[];
  bodyKind: BodyKind;
  jsonText: string;
  rawText: string;
  rawContentType: string;
  form: DraftRow[];
  parts: DraftRow[];
  authKind: AuthKind;
  entryId: string;
  schemeKind: HeaderSchemeKind;
  /** The header or parameter name of the Custom header and Query parameter schemes. */
  schemeName: string;
  allowSelfSignedLocalhost: boolean;
  timeoutMs: number;
  maxBytes: number;
}

let nextRowId = 1;
export function newRow(name = '', value = '', enabled = true): DraftRow {
  return { id: nextRowId++, name, value, enabled };
}

export function emptyDraft(): Draft {
  return {
    method: 'GET',
    url: '',
    query: [],
    headers: [],
    bodyKind: 'none',
    jsonText: '',
    rawText: '',
    rawContentType: 'text/plain',
    form: [],
    parts: [],
    authKind: 'none',
    entryId: '',
    schemeKind: 'x-api-key',
    schemeName: '',
    allowSelfSignedLocalhost: false,
    timeoutMs: TIMEOUT_DEFAULT_MS,
    maxBytes: MAX_BYTES_DEFAULT,
  };
}

export function draftScheme(draft: Pick<Draft, 'schemeKind' | 'schemeName'>): HeaderScheme {
  switch (draft.schemeKind) {
    case 'header':
    case 'query':
      return { kind: draft.schemeKind, name: draft.schemeName.trim() };
    default:
      return { kind: draft.schemeKind };
  }
}

export function schemeFields(scheme: HeaderScheme): Pick<Draft, 'schemeKind' | 'schemeName'> {
  return {
    schemeKind: scheme.kind,
    schemeName: scheme.kind === 'header' || scheme.kind === 'query' ? scheme.name : '',
  };
}

function requestAuth(draft: Draft, typedKey: string): ConsoleAuth {
  const scheme = draftScheme(draft);
  if (draft.authKind === 'entry') return { kind: 'entry', entryId: draft.entryId, scheme };
  if (draft.authKind === 'typed') return { kind: 'typed', key: typedKey, scheme };
  return { kind: 'none' };
}

/** The request main receives: enabled rows only for the form; header and query rows go as they are. */
export function toRequest(draft: Draft, typedKey: string): ConsoleRequestInput {
  const rows = (list: DraftRow[]) => list.map(({ name, value, enabled }) => ({ name, value, enabled }));
  const body: ConsoleRequest['body'] =
    draft.bodyKind === 'json'
      ? { kind: 'json', text: draft.jsonText }
      : draft.bodyKind === 'raw'
        ? { kind: 'raw', text: draft.rawText, contentType: draft.rawContentType }
        : draft.bodyKind === 'form'
          ? {
              kind: 'form',
              fields: draft.form.filter((f) => f.enabled && f.name !== '').map(({ name, value }) => ({ name, value })),
            }
          : draft.bodyKind === 'multipart'
            ? {
                kind: 'multipart',
                parts: draft.parts
                  .filter((p) => p.enabled && p.name !== '')
                  .map(({ name, value, contentType }) => ({ name, value, contentType: contentType?.trim() ?? '' })),
              }
            : { kind: 'none' };
  return {
    method: draft.method,
    url: draft.url.trim(),
    query: rows(draft.query).filter((row) => row.name !== '' || row.value !== ''),
    headers: rows(draft.headers).filter((row) => row.name !== '' || row.value !== ''),
    body,
    timeoutMs: draft.timeoutMs,
    maxBytes: draft.maxBytes,
    allowSelfSignedLocalhost: draft.allowSelfSignedLocalhost,
    auth: requestAuth(draft, typedKey),
  };
}

/** A request from history, saved requests or curl import, back into the editor. */
export function fromRequest(request: StoredRequest | ConsoleRequest): { draft: Draft; typedKey: string } {
  const auth: ConsoleAuth | StoredAuth = request.auth;
  const rows = (list: { name: string; value: string; enabled: boolean }[]) =>
    list.map((row) => newRow(row.name, row.value, row.enabled));
  const draft: Draft = {
    ...emptyDraft(),
    method: request.method,
    url: request.url,
    query: rows(request.query),
    headers: rows(request.headers),
    timeoutMs: request.timeoutMs,
    maxBytes: request.maxBytes,
    allowSelfSignedLocalhost: request.allowSelfSignedLocalhost,
  };
  const body = request.body;
  if (body.kind === 'json') Object.assign(draft, { bodyKind: 'json', jsonText: body.text });
  if (body.kind === 'raw')
    Object.assign(draft, { bodyKind: 'raw', rawText: body.text, rawContentType: body.contentType });
  if (body.kind === 'form')
    Object.assign(draft, { bodyKind: 'form', form: body.fields.map((f) => newRow(f.name, f.value)) });
  if (body.kind === 'multipart')
    Object.assign(draft, {
      bodyKind: 'multipart',
      parts: body.parts.map((p) => ({ ...newRow(p.name, p.value), contentType: p.contentType })),
    });
  let typedKey = '';
  if (auth.kind === 'entry')
    Object.assign(draft, { authKind: 'entry', entryId: auth.entryId }, schemeFields(auth.scheme));
  if (auth.kind === 'typed' || auth.kind === 'typed-removed')
    Object.assign(draft, { authKind: 'typed' }, schemeFields(auth.scheme));
  if (auth.kind === 'typed') typedKey = auth.key;
  return { draft, typedKey };
}

/** Rows as raw text: `name: value` (headers) or `name=value` (params); a disabled row starts with `# `. */
export function rowsToText(rows: DraftRow[], separator: ': ' | '='): string {
  return rows
    .filter((row) => row.name !== '' || row.value !== '')
    .map((row) => `${row.enabled ? '' : '# '}${row.name}${separator}${row.value}`)
    .join('\n');
}

export function textToRows(text: string, separator: ': ' | '='): DraftRow[] {
  const split = separator === '=' ? '=' : ':';
  const rows: DraftRow[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine;
    if (line.trim() === '') continue;
    let enabled = true;
    if (line.startsWith('#')) {
      enabled = false;
      line = line.replace(/^#\s?/, '');
    }
    const at = line.indexOf(split);
    const name = (at === -1 ? line : line.slice(0, at)).trim();
    let value = at === -1 ? '' : line.slice(at + 1);
    if (separator === ': ') value = value.trim();
    rows.push(newRow(name, value, enabled));
  }
  return rows;
}

/** A JSON body that does not parse: a warning, but it can still be sent. */
export function jsonProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `This is not valid JSON (${error instanceof Error ? error.message : 'parse error'}). It can still be sent.`;
  }
}
