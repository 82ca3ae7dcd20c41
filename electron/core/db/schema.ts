import { testApiSettingsSchema } from '../../../shared/domain/test-api';
import { z } from 'zod';
import { activityRecordSchema } from '../../../shared/domain/activity';
import { appSchema } from '../../../shared/domain/app';
import { expirationSchema } from '../../../shared/domain/expiration';

const iso = z.string();

/** An issued key as stored: its HMAC, never its plaintext. */
export const issuedKeyRecordSchema = z.strictObject({
  id: z.uuid(),
  appId: z.uuid(),
  name: z.string(),
  note: z.string(),
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
  /** While disabled (a temporary stop): verifies as DISABLED; enabling clears it. */
  disabledAt: iso.nullable(),
  lastUsedAt: iso.nullable(),
  useCount: z.number().int().nonnegative(),
  replacesId: z.uuid().nullable(),
  replacedById: z.uuid().nullable(),
  /** On a rotated key: until when it keeps working (never past its own expiry). */
  graceEndsAt: iso.nullable(),
  /** Expiry reminders already given ('7d', '1d'), so each is shown once. */
  remindersSent: z.array(z.string()),
  /**
   * HMAC over the fields that decide verification, under the keychain's seal key (keys/key-seal.ts);
   * null only until a folder from before seals is sealed (integrity/seal-source.ts).
   */
  seal: z.string().nullable(),
});
export type IssuedKeyRecord = z.infer<typeof issuedKeyRecordSchema>;

/** Verifications of one key within one hour, counted until the hour is over and sealed into the log. */
export const verifyBucketSchema = z.strictObject({
  issuedKeyId: z.uuid(),
  hourStart: iso,
  count: z.number().int().positive(),
});
export type VerifyBucket = z.infer<typeof verifyBucketSchema>;

/**
 * Uses counted by a service's verifier and imported from its usage file (keys/usage-import.ts): the
 * total taken so far per source, key and hour, so importing the same file again adds only what is new.
 */
export const importedUsageSchema = z.strictObject({
  source: z.string().min(1).max(64),
  issuedKeyId: z.uuid(),
  hourStart: iso,
  count: z.number().int().positive(),
});
export type ImportedUsage = z.infer<typeof importedUsageSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** An activity record as chained: what activity.jsonl holds, line by line. */
export const chainedRecordSchema = activityRecordSchema.extend({ prev: sha256Hex, hash: sha256Hex });

export const chainHeadSchema = z.strictObject({ seq: z.number().int().nonnegative(), hash: sha256Hex });

/**
 * The activity chain as committed with the changes it records (db/recorded-commit.ts): its head, which
 * activity.jsonl must end at (a rewritten or shortened log cannot match it), and the records committed
 * but not yet known to be in activity.jsonl. `head` is null only in a folder from before version 3,
 * until it is anchored to the log as found.
 */
export const committedActivitySchema = z.strictObject({
  head: chainHeadSchema.nullable(),
  outbox: z.array(chainedRecordSchema),
});
export type CommittedActivity = z.infer<typeof committedActivitySchema>;

export const KEYHAVEN_SCHEMA_VERSION = 6;

/** `keyhaven.json`: apps and issued keys (hashes only). Activity lives in its own chained log; its head here. */
export const keyhavenFileSchema = z.strictObject({
  schemaVersion: z.literal(KEYHAVEN_SCHEMA_VERSION),
  /** The last journal commit folded into this snapshot (see storage/journaled-store.ts). */
  journalSeq: z.number().int().nonnegative(),
  /** Names this data folder's secrets in the keychain (see keys/pepper.ts). */
  installationId: z.uuid(),
  apps: z.array(appSchema),
  keys: z.array(issuedKeyRecordSchema),
  verifyBuckets: z.array(verifyBucketSchema),
  importedUsage: z.array(importedUsageSchema),
  testApi: testApiSettingsSchema,
  activity: committedActivitySchema,
  /**
   * When the record seal key was made and every record sealed (integrity/seal-source.ts). Committing it
   * also writes the file, so the installation id that names the key in the keychain is on disk.
   */
  sealedAt: iso.nullable(),
});
export type KeyhavenFile = z.infer<typeof keyhavenFileSchema>;
