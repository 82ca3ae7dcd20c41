import { z } from 'zod';
import { headerSchemeSchema } from '../../../shared/catalogs/service-presets';
import { entryMetadataSchema, secretSchema } from '../../../shared/domain/vault';
import { CoreError } from '../errors';

/** A Keyhaven-issued key saved from the wizard (or replaced on rotation): trusted core input, checked anyway. */
export const issuedKeyEntrySchema = z.strictObject({
  issuedKeyId: z.uuid(),
  name: entryMetadataSchema.shape.name,
  plaintext: secretSchema,
  /** The app's scheme (Settings): the entry sends the key the way the app's service expects it. */
  scheme: headerSchemeSchema,
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
  // The schema's own words ("The base URL must start with https://…"), never the value received; a
  // caller's unexpected field name is not repeated either (it could be anything they typed).
  const issues = parsed.error.issues.slice(0, 3);
  const words = issues.map((issue) => (issue.code === 'unrecognized_keys' ? 'Unexpected field.' : issue.message));
  const field = issues[0]?.path[0];
  throw new CoreError('INVALID_INPUT', [...new Set(words)].join(' '), typeof field === 'string' ? { field } : {});
}
