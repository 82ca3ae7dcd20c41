import { z } from 'zod';
import { CoreError } from '../errors';
import { headerSchemeSchema } from './service-presets';
import { entryMetadataSchema } from './vault-schema';

/** Keys longer than this are not API keys; the cap keeps a mistaken paste (a whole file) out. */
export const MAX_SECRET_LENGTH = 16_384;

export const vaultNameSchema = z.string().trim().min(1).max(100);
export const secretSchema = z.string().trim().min(1).max(MAX_SECRET_LENGTH);

/** A new external entry: the secret (maybe pasted with its header) and metadata, most optional. */
export const newEntrySchema = entryMetadataSchema
  .partial({ preset: true, scheme: true, baseUrl: true, allowedHosts: true, tags: true, notes: true, expiresAt: true })
  .extend({ secret: secretSchema });
export type NewEntryInput = z.input<typeof newEntrySchema>;

export const entryUpdateSchema = entryMetadataSchema.partial().extend({ secret: secretSchema.optional() });
export type EntryUpdateInput = z.input<typeof entryUpdateSchema>;

export const issuedKeyEntrySchema = z.strictObject({
  issuedKeyId: z.uuid(),
  name: entryMetadataSchema.shape.name,
  plaintext: secretSchema,
  scheme: headerSchemeSchema.optional(),
  expiresAt: z.string().nullable(),
});
export type IssuedKeyEntryInput = z.input<typeof issuedKeyEntrySchema>;

/**
 * Validates service input. The message names the fields only: zod messages can echo a received
 * value, and the value may be a secret.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'value'))];
  throw new CoreError('INVALID_INPUT', `Please check: ${fields.slice(0, 5).join(', ')}.`);
}
