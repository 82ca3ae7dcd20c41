import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from './text';

export const KEY_NAME_MAX = 100;

/** Derived from the record and the clock, never stored (DESIGN.md §5). */
export const KEY_STATUSES = ['active', 'expiring_soon', 'expired', 'revoked', 'rotated'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** What the renderer sees of an issued key: everything but its hash. */
export const issuedKeySummarySchema = z.strictObject({
  id: idSchema,
  appId: idSchema,
  name: z.string(),
  keyPrefix: z.string(),
  keyId: z.string(),
  scopes: z.array(z.string()),
  createdAt: isoDateSchema,
  expiresAt: isoDateSchema.nullable(),
  revokedAt: isoDateSchema.nullable(),
  lastUsedAt: isoDateSchema.nullable(),
  useCount: z.number().int().nonnegative(),
  status: z.enum(KEY_STATUSES),
});
export type IssuedKeySummary = z.infer<typeof issuedKeySummarySchema>;

export const listKeysInputSchema = z.strictObject({ appId: idSchema });

export const generateKeyInputSchema = z.strictObject({
  appId: idSchema,
  name: nameSchema('API key name', KEY_NAME_MAX),
});
export type GenerateKeyInput = z.input<typeof generateKeyInputSchema>;

/** The only response that ever carries an issued key's plaintext: shown once, then gone. */
export const generatedKeySchema = z.strictObject({
  key: issuedKeySummarySchema,
  plaintext: z.string(),
});
export type GeneratedKey = z.infer<typeof generatedKeySchema>;
