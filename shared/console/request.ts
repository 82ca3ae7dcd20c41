import { z } from 'zod';
import { headerSchemeSchema } from '../catalogs/service-presets';
import { idSchema } from '../domain/text';
import { SECRET_MAX } from '../domain/vault';
import { hasVariables } from './variables';

/**
 * The request console's request and response (issue 5, DESIGN.md §7). Shared: the renderer edits a
 * request, main validates it with the same schema, sends it and answers a response. The key itself
 * is never part of a request that names a vault entry: main injects the entry's secret.
 */
export const CONSOLE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type ConsoleMethod = (typeof CONSOLE_METHODS)[number];

export const URL_MAX = 8 * 1024;
export const HEADERS_MAX = 100;
export const QUERY_MAX = 100;
export const FORM_FIELDS_MAX = 500;
export const HEADER_VALUE_MAX = 16 * 1024;
export const BODY_MAX_BYTES = 5 * 1024 * 1024;
export const TIMEOUT_DEFAULT_MS = 30_000;
export const TIMEOUT_MAX_MS = 300_000;
export const MAX_BYTES_DEFAULT = 10 * 1024 * 1024;
export const MAX_BYTES_LIMIT = 100 * 1024 * 1024;
export const MAX_BYTES_MIN = 1024;

// An HTTP token: what a header name may legally contain.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// CR, LF and NUL would split or end a header line.
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\r\n\u0000]/;

/** UTF-8 length without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** http(s) only, no credentials in the URL (they belong in Authentication). */
export function checkConsoleUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full URL, like https://api.example.com/v1/items.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The URL must start with https:// or http://.';
  if (url.username || url.password) return 'Remove the user name and password from the URL; use Authentication.';
  return null;
}

export const consoleUrlSchema = z
  .string({ error: 'Enter a URL.' })
  .max(URL_MAX, { error: `A URL can be at most ${URL_MAX} characters.` })
  .transform((s) => s.trim())
  .superRefine((value, ctx) => {
    // `{{baseUrl}}/v1/items` is checked once main has filled the variables in (variables.ts).
    const problem = hasVariables(value) ? (value === '' ? 'Enter a URL.' : null) : checkConsoleUrl(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Rows of the headers table. A row with an empty name is the table's blank line and is never sent. */
export const headerRowSchema = z
  .strictObject({
    name: z
      .string()
      .max(256)
      .transform((s) => s.trim()),
    value: z
      .string()
      .max(HEADER_VALUE_MAX, { error: `A header value can be at most ${HEADER_VALUE_MAX} characters.` })
      .refine((s) => !LINE_BREAKING.test(s), { error: 'A header value cannot contain line breaks.' }),
    enabled: z.boolean().default(true),
  })
  .refine((row) => row.name === '' || TOKEN.test(row.name), {
    error: 'A header name has letters, digits and - only.',
    path: ['name'],
  });
export type HeaderRow = z.output<typeof headerRowSchema>;

export const queryRowSchema = z.strictObject({
  name: z.string().max(1024),
  value: z.string().max(URL_MAX),
  enabled: z.boolean().default(true),
});
export type QueryRow = z.output<typeof queryRowSchema>;

const bodyText = z.string().refine((s) => s.length <= BODY_MAX_BYTES && utf8Length(s) <= BODY_MAX_BYTES, {
  error: 'A request body can be at most 5 MB.',
});

export const formFieldSchema = z.strictObject({ name: z.string().max(1024), value: z.string() });

const contentTypeText = z
  .string()
  .max(256)
  .refine((s) => !LINE_BREAKING.test(s), { error: 'A content type cannot contain line breaks.' });

/**
 * One text part of a multipart/form-data body (issue 16: what `curl -F name=value;type=…` sends). An
 * empty content type sends the part without a Content-Type line, as curl and browsers do for text.
 */
export const multipartPartSchema = z.strictObject({
  name: z.string().max(1024),
  value: z.string(),
  contentType: contentTypeText.default(''),
});
export type MultipartPart = z.output<typeof multipartPartSchema>;

export const consoleBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('json'), text: bodyText }),
  z.strictObject({
    kind: z.literal('form'),
    fields: z
      .array(formFieldSchema)
      .max(FORM_FIELDS_MAX)
      .refine(
        (fields) => fields.reduce((sum, f) => sum + utf8Length(f.name) + utf8Length(f.value), 0) <= BODY_MAX_BYTES,
        {
          error: 'A request body can be at most 5 MB.',
        },
      ),
  }),
  z.strictObject({
    kind: z.literal('multipart'),
    parts: z
      .array(multipartPartSchema)
      .max(FORM_FIELDS_MAX)
      .refine(
        (parts) => parts.reduce((sum, p) => sum + utf8Length(p.name) + utf8Length(p.value), 0) <= BODY_MAX_BYTES,
        { error: 'A request body can be at most 5 MB.' },
      ),
  }),
  z.strictObject({
    kind: z.literal('raw'),
    text: bodyText,
    contentType: contentTypeText,
  }),
]);
export type ConsoleBody = z.output<typeof consoleBodySchema>;

/** A typed or pasted key: bounded like a vault secret, and never with a line break (header injection). */
export const typedKeySchema = z
  .string({ error: 'The key must be text.' })
  .max(SECRET_MAX, { error: `A key can be at most ${SECRET_MAX} characters.` })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Type or paste the key.' })
      .refine((s) => !LINE_BREAKING.test(s), { error: 'A key cannot contain line breaks.' }),
  );

export const consoleAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('entry'), entryId: idSchema, scheme: headerSchemeSchema }),
  z.strictObject({ kind: z.literal('typed'), key: typedKeySchema, scheme: headerSchemeSchema }),
]);
export type ConsoleAuth = z.output<typeof consoleAuthSchema>;

const requestShape = {
  method: z.enum(CONSOLE_METHODS),
  url: consoleUrlSchema,
  query: z
    .array(queryRowSchema)
    .max(QUERY_MAX, { error: `At most ${QUERY_MAX} query parameters.` })
    .default([]),
  headers: z
    .array(headerRowSchema)
    .max(HEADERS_MAX, { error: `At most ${HEADERS_MAX} headers.` })
    .default([]),
  body: consoleBodySchema.default({ kind: 'none' }),
  timeoutMs: z
    .number()
    .int()
    .min(1, { error: 'The timeout must be positive.' })
    .max(TIMEOUT_MAX_MS, { error: 'The timeout can be at most 300 seconds.' })
    .default(TIMEOUT_DEFAULT_MS),
  maxBytes: z
    .number()
    .int()
    .min(MAX_BYTES_MIN, { error: 'The response size cap must be at least 1 KB.' })
    .max(MAX_BYTES_LIMIT, { error: 'The response size cap can be at most 100 MB.' })
    .default(MAX_BYTES_DEFAULT),
  /** Accept a self-signed certificate, only when the host is localhost, 127.0.0.1 or ::1. */
  allowSelfSignedLocalhost: z.boolean().default(false),
};

export const consoleRequestSchema = z.strictObject({
  ...requestShape,
  auth: consoleAuthSchema.default({ kind: 'none' }),
});
export type ConsoleRequest = z.output<typeof consoleRequestSchema>;
export type ConsoleRequestInput = z.input<typeof consoleRequestSchema>;

/**
 * How a request is kept in history and saved requests: a typed key is replaced by this marker (the
 * scheme stays, so re-opening asks only for the key); an entry is kept by reference.
 */
export const storedAuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('entry'), entryId: idSchema, scheme: headerSchemeSchema }),
  z.strictObject({ kind: z.literal('typed-removed'), scheme: headerSchemeSchema }),
]);
export type StoredAuth = z.output<typeof storedAuthSchema>;

export const storedRequestSchema = z.strictObject({ ...requestShape, auth: storedAuthSchema });
export type StoredRequest = z.output<typeof storedRequestSchema>;

export const BODY_ENCODINGS = ['utf8', 'binary-omitted'] as const;

export const consoleResponseSchema = z.strictObject({
  status: z.number().int(),
  /** The status's meaning: "Not Found", from the server's reason phrase or statusMeaning(). */
  statusText: z.string(),
  /** The URL that answered, after redirects (any key in it masked). */
  url: z.string(),
  timeMs: z.number().nonnegative(),
  /** Bytes of body kept (after decompression); at most the request's maxBytes. */
  sizeBytes: z.number().int().nonnegative(),
  /** The body went past maxBytes: the rest was not read. */
  truncated: z.boolean(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  bodyText: z.string(),
  bodyEncoding: z.enum(BODY_ENCODINGS),
  contentType: z.string().nullable(),
  redirects: z.array(z.strictObject({ url: z.string(), status: z.number().int() })),
  /** The origin a redirect went to where the key was not sent (`https://other.example.com`). */
  keyWithheldAt: z.string().optional(),
  /** A vault entry's key appeared in the response and was masked there (the renderer never holds it). */
  keyMasked: z.boolean().optional(),
});
export type ConsoleResponse = z.output<typeof consoleResponseSchema>;

/** For `console:sendRequest`: the renderer names the request so `console:cancel` can stop it. */
export const sendConsoleInputSchema = z.strictObject({ requestId: idSchema, request: consoleRequestSchema });
export const cancelConsoleInputSchema = z.strictObject({ requestId: idSchema });
export const cancelConsoleResultSchema = z.strictObject({ cancelled: z.boolean() });

/** The snippet languages (snippets.ts), here so the IPC contract does not pull in the generator. */
export const SNIPPET_TARGETS = ['curl', 'fetch', 'python', 'httpie'] as const;
export type SnippetTarget = (typeof SNIPPET_TARGETS)[number];

/** For `console:snippet`: main names the variable after the entry, and reveals the key only for includeKey. */
export const snippetInputSchema = z.strictObject({
  request: consoleRequestSchema,
  target: z.enum(SNIPPET_TARGETS),
  includeKey: z.boolean().default(false),
});
export const snippetResultSchema = z.strictObject({ code: z.string(), envVar: z.string().nullable() });
