import { z } from 'zod';
import { appSchema } from '../../../shared/domain/app';
import { expirationSchema } from '../../../shared/domain/expiration';

const iso = z.string();

/** An issued key as stored: its HMAC, never its plaintext. */
export const issuedKeyRecordSchema = z.strictObject({
  id: z.uuid(),
  appId: z.uuid(),
  name: z.string(),
  /** The app's prefix when the key was issued: part of the hashed plaintext, so it never changes. */
  prefix: z.string(),
  keyId: z.string(),
  hash: z.string(),
  hashVersion: z.literal(1),
  scopes: z.array(z.string()),
  createdAt: iso,
  expiration: expirationSchema,
  expiresAt: iso.nullable(),
  revokedAt: iso.nullable(),
  lastUsedAt: iso.nullable(),
  useCount: z.number().int().nonnegative(),
  replacesId: z.uuid().nullable(),
  replacedById: z.uuid().nullable(),
  /** On a rotated key: until when it keeps working (never past its own expiry). */
  graceEndsAt: iso.nullable(),
  /** Expiry reminders already given ('7d', '1d'), so each is shown once. */
  remindersSent: z.array(z.string()),
});
export type IssuedKeyRecord = z.infer<typeof issuedKeyRecordSchema>;

/** Verifications of one key within one hour, counted until the hour is over and sealed into the log. */
export const verifyBucketSchema = z.strictObject({
  issuedKeyId: z.uuid(),
  hourStart: iso,
  count: z.number().int().positive(),
});
export type VerifyBucket = z.infer<typeof verifyBucketSchema>;

export const KEYHAVEN_SCHEMA_VERSION = 2;

/** `keyhaven.json`: apps and issued keys (hashes only). Activity lives in its own chained log. */
export const keyhavenFileSchema = z.strictObject({
  schemaVersion: z.literal(KEYHAVEN_SCHEMA_VERSION),
  /** The last journal commit folded into this snapshot (see storage/journaled-store.ts). */
  journalSeq: z.number().int().nonnegative(),
  /** Names this data folder's secrets in the keychain (see keys/pepper.ts). */
  installationId: z.uuid(),
  apps: z.array(appSchema),
  keys: z.array(issuedKeyRecordSchema),
  verifyBuckets: z.array(verifyBucketSchema),
});
export type KeyhavenFile = z.infer<typeof keyhavenFileSchema>;
