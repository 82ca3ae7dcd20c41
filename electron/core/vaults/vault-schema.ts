import { z } from 'zod';
import {
  DEFAULT_VAULT_SETTINGS,
  entryHistoryItemSchema,
  entryViewSchema,
  vaultSettingsSchema,
} from '../../../shared/domain/vault';
import { teamLinkSchema } from '../../../shared/domain/team-link';
import { passphraseRecordSchema } from './passphrase-record';
import { sealedSchema } from './sealed-box';

/**
 * `vaults.json`: vault and entry metadata in clear (so lists and search work while locked), secrets
 * and every previous version only as AES-256-GCM boxes under the vault's data key (sealed-box.ts).
 */
export const VAULTS_SCHEMA_VERSION = 3;
const iso = z.string();

export const vaultRecordSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().min(1).max(100),
  createdAt: iso,
  /** A fixed text sealed under the data key: unlock proves the keychain holds this vault's key. */
  keyCheck: sealedSchema,
  /** Set for a team vault (issue 15): where its team repository is and what was last exchanged. */
  team: teamLinkSchema.optional(),
});
export type VaultRecord = z.infer<typeof vaultRecordSchema>;

export const historyItemSchema = z.strictObject({
  ...entryHistoryItemSchema.shape,
  sealed: sealedSchema,
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** The stored entry: the view's fields, with the secret and each history value sealed. */
export const entryRecordSchema = z.strictObject({
  ...entryViewSchema.shape,
  secret: sealedSchema,
  history: z.array(historyItemSchema),
  /**
   * Absent means not starred: optional, so the v2 → v3 migration fills in nothing and an export file
   * from before favourites (its entries have no such field) still imports.
   */
  favorite: z.boolean().optional(),
  /**
   * HMAC over the settings that decide where the key may go (entry-seal.ts); absent only in a folder
   * from before seals, until the seal key is made and seals every entry.
   */
  seal: z.string().optional(),
});
export type EntryRecord = z.output<typeof entryRecordSchema>;

export const vaultFileSchema = z.strictObject({
  schemaVersion: z.literal(VAULTS_SCHEMA_VERSION),
  journalSeq: z.number().int().nonnegative(),
  settings: vaultSettingsSchema,
  /** Set when the user chose a Keyhaven passphrase: its KDF parameters and check (passphrase-record.ts). */
  passphrase: passphraseRecordSchema.nullable(),
  vaults: z.array(vaultRecordSchema),
  entries: z.array(entryRecordSchema),
  /**
   * Present (true) only while the first run's default vault could not be made yet (default-vault.ts):
   * optional, so the file is as before once it is made.
   */
  defaultVaultOwed: z.literal(true).optional(),
});
export type VaultFile = z.output<typeof vaultFileSchema>;

export const emptyVaultFile = (): VaultFile => ({
  schemaVersion: VAULTS_SCHEMA_VERSION,
  journalSeq: 0,
  settings: { ...DEFAULT_VAULT_SETTINGS },
  passphrase: null,
  vaults: [],
  entries: [],
});
