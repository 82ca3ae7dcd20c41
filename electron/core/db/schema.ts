import { z } from 'zod';
import { activityRecordSchema } from '../../../shared/domain/activity';
import { appSchema } from '../../../shared/domain/app';

/** An issued key as stored: its HMAC, never its plaintext. */
export const issuedKeyRecordSchema = z.strictObject({
  id: z.uuid(),
  appId: z.uuid(),
  name: z.string(),
  keyId: z.string(),
  hash: z.string(),
  hashVersion: z.literal(1),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  useCount: z.number().int().nonnegative(),
  replacesId: z.uuid().nullable(),
  replacedById: z.uuid().nullable(),
  graceEndsAt: z.string().nullable(),
});
export type IssuedKeyRecord = z.infer<typeof issuedKeyRecordSchema>;

export const KEYHAVEN_SCHEMA_VERSION = 1;

/** `keyhaven.json`: apps, issued keys (hashes only) and the activity log. */
export const keyhavenFileSchema = z.strictObject({
  schemaVersion: z.literal(KEYHAVEN_SCHEMA_VERSION),
  /** Names this data folder's secrets in the keychain (see keys/pepper.ts). */
  installationId: z.uuid(),
  apps: z.array(appSchema),
  keys: z.array(issuedKeyRecordSchema),
  activity: z.array(activityRecordSchema),
});
export type KeyhavenFile = z.infer<typeof keyhavenFileSchema>;
