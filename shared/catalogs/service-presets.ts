import { z } from 'zod';

/**
 * How a stored key is sent (DESIGN.md §5) and the services whose keys people paste into vaults. Shared
 * so the renderer offers exactly the choices main accepts.
 */
export const HEADER_SCHEME_KINDS = ['x-api-key', 'api-key', 'bearer', 'header', 'query'] as const;
export type HeaderSchemeKind = (typeof HEADER_SCHEME_KINDS)[number];

// An HTTP token: what a header name may legally contain.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const QUERY_NAME = /^[A-Za-z0-9._~-]+$/;

/** `header` and `query` carry the name the key is sent under; the three standard schemes do not. */
export const headerSchemeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('x-api-key') }),
  z.strictObject({ kind: z.literal('api-key') }),
  z.strictObject({ kind: z.literal('bearer') }),
  z.strictObject({
    kind: z.literal('header'),
    name: z
      .string()
      .min(1, { error: 'Header name is required.' })
      .max(100)
      .regex(HEADER_NAME, { error: 'A header name has letters, digits and - only.' }),
  }),
  z.strictObject({
    kind: z.literal('query'),
    name: z
      .string()
      .min(1, { error: 'Parameter name is required.' })
      .max(100)
      .regex(QUERY_NAME, { error: 'A parameter name has letters, digits and - . _ ~ only.' }),
  }),
]);
export type HeaderScheme = z.infer<typeof headerSchemeSchema>;

export const HEADER_SCHEME_LABELS: Record<HeaderSchemeKind, string> = {
  'x-api-key': 'X-API-Key',
  'api-key': 'Api-Key',
  bearer: 'Bearer',
  header: 'Custom header',
  query: 'Query parameter',
};

/** "X-API-Key", "Custom header: X-Token", "Query parameter: api_key". */
export function describeScheme(scheme: HeaderScheme): string {
  const label = HEADER_SCHEME_LABELS[scheme.kind];
  return scheme.kind === 'header' || scheme.kind === 'query' ? `${label}: ${scheme.name}` : label;
}

/**
 * The line "Copy as header" puts on the clipboard: `x-api-key: K`, `Authorization: Api-Key K`,
 * `Authorization: Bearer K`, `<name>: K`, or `<name>=K` for a query parameter.
 */
export function headerLine(scheme: HeaderScheme, key: string): string {
  switch (scheme.kind) {
    case 'x-api-key':
      return `x-api-key: ${key}`;
    case 'api-key':
      return `Authorization: Api-Key ${key}`;
    case 'bearer':
      return `Authorization: Bearer ${key}`;
    case 'header':
      return `${scheme.name}: ${key}`;
    case 'query':
      return `${scheme.name}=${encodeURIComponent(key)}`;
  }
}

export const SERVICE_PRESETS = [
  { id: 'pyas', label: 'Pyas', scheme: { kind: 'x-api-key' } },
  { id: 'atfinity', label: 'atfinity', scheme: { kind: 'api-key' } },
  { id: 'nexos-ai', label: 'nexos.ai', scheme: { kind: 'bearer' } },
  { id: 'cerby', label: 'Cerby', scheme: { kind: 'x-api-key' } },
  { id: 'extracta', label: 'Extracta', scheme: { kind: 'bearer' } },
  { id: 'custom', label: 'Custom', scheme: null },
] as const satisfies readonly { id: string; label: string; scheme: HeaderScheme | null }[];

export type ServicePresetId = (typeof SERVICE_PRESETS)[number]['id'];
export const SERVICE_PRESET_IDS = SERVICE_PRESETS.map((p) => p.id) as [ServicePresetId, ...ServicePresetId[]];
export const servicePresetIdSchema = z.enum(SERVICE_PRESET_IDS);

/** The scheme a preset implies; `custom` has none, so the caller's choice (or bearer) stands. */
export function presetScheme(id: ServicePresetId): HeaderScheme | null {
  return SERVICE_PRESETS.find((preset) => preset.id === id)?.scheme ?? null;
}

export function presetLabel(id: ServicePresetId): string {
  return SERVICE_PRESETS.find((preset) => preset.id === id)?.label ?? 'Custom';
}

/** The service name of entries saved from the wizard. */
export const KEYHAVEN_SERVICE = 'Keyhaven';

/** A scheme as one word, for the command line and `kh://…/scheme`: `bearer`, `header:X-Token`, `query:key`. */
export function schemeText(scheme: HeaderScheme): string {
  return scheme.kind === 'header' || scheme.kind === 'query' ? `${scheme.kind}:${scheme.name}` : scheme.kind;
}

/** The scheme `schemeText` wrote, checked like the app's form; the error lists the forms. */
export function parseSchemeText(text: string): { ok: true; scheme: HeaderScheme } | { ok: false; message: string } {
  const colon = text.indexOf(':');
  const candidate = colon === -1 ? { kind: text } : { kind: text.slice(0, colon), name: text.slice(colon + 1) };
  const parsed = headerSchemeSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, scheme: parsed.data };
  const known = HEADER_SCHEME_KINDS.includes(candidate.kind as HeaderSchemeKind);
  const needsName = (candidate.kind === 'header' || candidate.kind === 'query') && colon === -1;
  const message = needsName
    ? `${candidate.kind} needs the name it is sent under: ${candidate.kind}:NAME.`
    : known
      ? (parsed.error.issues[0]?.message ?? 'Invalid scheme.')
      : `Unknown scheme "${text}": use x-api-key, api-key, bearer, header:NAME or query:NAME.`;
  return { ok: false, message };
}
