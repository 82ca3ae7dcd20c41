import { z } from 'zod';
import { headerSchemeSchema } from '../../../shared/catalogs/service-presets';
import { entryMetadataSchema, secretSchema } from '../../../shared/domain/vault';
import { CoreError } from '../errors';

/** A Keyhaven-issued key saved from the wizard (or replaced on rotation): trusted core input, checked anyway. */
export const issuedKeyEntrySchema = z.strictObject({
  issuedKeyId: z.uuid(),
  name: entryMetadataSchema.shape.name,
  plaintext: secretSchema,
  scheme: headerSchemeSchema.optional(),
  expiresAt: z.string().nullable(),
  appName: z.string(),
  scopes: z.array(z.string()),
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
