import { z } from 'zod';

/**
 * Services whose keys people paste into vaults, with the way each expects its key (DESIGN.md §5).
 * Defined here until the vault channels are added to the contract; then this table moves to
 * `shared/catalogs/` so the renderer can offer the same choices.
 */
export const HEADER_SCHEME_KINDS = ['x-api-key', 'api-key', 'bearer', 'header', 'query'] as const;

/** `header` and `query` carry the name the key is sent under; the three standard schemes do not. */
export const headerSchemeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('x-api-key') }),
  z.strictObject({ kind: z.literal('api-key') }),
  z.strictObject({ kind: z.literal('bearer') }),
  z.strictObject({
    kind: z.literal('header'),
    // An HTTP token: what a header name may legally contain.
    name: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/),
  }),
  z.strictObject({ kind: z.literal('query'), name: z.string().min(1).max(100) }),
]);
export type HeaderScheme = z.infer<typeof headerSchemeSchema>;

export const SERVICE_PRESETS = [
  { id: 'pyas', label: 'Pyas', scheme: { kind: 'x-api-key' } },
  { id: 'atfinity', label: 'atfinity', scheme: { kind: 'api-key' } },
  { id: 'nexos-ai', label: 'nexos.ai', scheme: { kind: 'bearer' } },
  { id: 'cerby', label: 'Cerby', scheme: { kind: 'x-api-key' } },
  { id: 'extracta', label: 'Extracta', scheme: { kind: 'bearer' } },
  { id: 'custom', label: 'Custom', scheme: null },
] as const satisfies readonly { id: string; label: string; scheme: HeaderScheme | null }[];

export type ServicePresetId = (typeof SERVICE_PRESETS)[number]['id'];
export const servicePresetIdSchema = z.enum(
  SERVICE_PRESETS.map((p) => p.id) as [ServicePresetId, ...ServicePresetId[]],
);

/** The scheme a preset implies; `custom` has none, so the caller's choice (or bearer) stands. */
export function presetScheme(id: ServicePresetId): HeaderScheme | null {
  return SERVICE_PRESETS.find((preset) => preset.id === id)?.scheme ?? null;
}
