import { z } from 'zod';
import { headerSchemeSchema, servicePresetIdSchema } from './service-presets';
import { sealedSchema } from './sealed-box';

/**
 * `vaults.json`: vault and entry metadata in clear (so lists and search work while locked), secrets
 * and every previous version only as AES-256-GCM boxes under the vault's data key (sealed-box.ts).
 */
export const VAULTS_SCHEMA_VERSION = 1;
const iso = z.string();

export const vaultRecordSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().min(1).max(100),
  createdAt: iso,
  /** A fixed text sealed under the data key: unlock proves the keychain holds this vault's key. */
  keyCheck: sealedSchema,
});
export type VaultRecord = z.infer<typeof vaultRecordSchema>;

export const historyItemSchema = z.strictObject({
  version: z.number().int().positive(),
  replacedAt: iso,
  sealed: sealedSchema,
  /** For a rotated issued key: the end of its grace period, after which the old value is useless. */
  keepUntil: iso.nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** What a user may set on an entry; everything here is shown while the vault is locked. */
export const entryMetadataSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  preset: servicePresetIdSchema,
  scheme: headerSchemeSchema,
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  allowedHosts: z.array(z.string().min(1).max(253)).max(50),
  tags: z.array(z.string().trim().min(1).max(50)).max(50),
  notes: z.string().max(10_000),
  expiresAt: iso.nullable(),
});
export type EntryMetadata = z.infer<typeof entryMetadataSchema>;

export const entryRecordSchema = z.strictObject({
  ...entryMetadataSchema.shape,
  id: z.uuid(),
  vaultId: z.uuid(),
  kind: z.enum(['issued', 'external']),
  /** Set when kind is `issued`: the Keyhaven key this value belongs to (rotation updates it). */
  issuedKeyId: z.uuid().nullable(),
  createdAt: iso,
  updatedAt: iso,
  secret: sealedSchema,
  secretVersion: z.number().int().positive(),
  history: z.array(historyItemSchema),
});
export type EntryRecord = z.infer<typeof entryRecordSchema>;

export const vaultFileSchema = z.strictObject({
  schemaVersion: z.literal(VAULTS_SCHEMA_VERSION),
  journalSeq: z.number().int().nonnegative(),
  vaults: z.array(vaultRecordSchema),
  entries: z.array(entryRecordSchema),
});
export type VaultFile = z.infer<typeof vaultFileSchema>;

export const emptyVaultFile = (): VaultFile => ({
  schemaVersion: VAULTS_SCHEMA_VERSION,
  journalSeq: 0,
  vaults: [],
  entries: [],
});
