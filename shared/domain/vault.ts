import { z } from 'zod';
import { headerSchemeSchema, servicePresetIdSchema } from '../catalogs/service-presets';
import { teamSyncOutcomeSchema } from './team-link';
import { idSchema, isoDateSchema, nameSchema, noteSchema } from './text';

/**
 * Vaults and their entries as the renderer sees them (DESIGN.md §5). Metadata travels in clear, so
 * lists and search work while a vault is locked; a secret crosses IPC only when the user asks to see it.
 */
export const VAULT_NAME_MAX = 100;
export const ENTRY_NAME_MAX = 200;
export const SERVICE_NAME_MAX = 100;
/** Keys longer than this are not API keys; the cap keeps a mistaken paste (a whole file) out. */
export const SECRET_MAX = 16_384;
export const TAGS_MAX = 50;
export const HOSTS_MAX = 50;
export const NOTES_MAX = 10_000;
/** An export of 5,000 entries with history is a few MB; anything much larger is not one of ours. */
export const EXPORT_FILE_MAX = 32 * 1024 * 1024;

export const vaultNameSchema = nameSchema('Vault name', VAULT_NAME_MAX);

export const secretSchema = z
  .string({ error: 'The key must be text.' })
  .max(SECRET_MAX, { error: `A key can be at most ${SECRET_MAX} characters.` })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { error: 'Paste the key.' }));

// A host the entry's key may be sent to: `api.example.com`, `*.example.com`, `localhost:8443`, an IPv4.
const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
export const allowedHostSchema = z
  .string()
  .max(260)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(HOST, { error: 'Allowed hosts are host names like api.example.com or *.example.com.' }));

export const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: 'The base URL must start with https:// (or http://).' })
  .max(2048);

/** What a user may set on an entry; all of it is stored in clear and shown while the vault is locked. */
export const entryMetadataSchema = z.strictObject({
  name: nameSchema('Name', ENTRY_NAME_MAX),
  /** Shown in the Service column: the preset's label, "Keyhaven", or what the user typed for Custom. */
  service: nameSchema('Service', SERVICE_NAME_MAX),
  preset: servicePresetIdSchema,
  scheme: headerSchemeSchema,
  baseUrl: baseUrlSchema.nullable(),
  allowedHosts: z.array(allowedHostSchema).max(HOSTS_MAX, { error: `At most ${HOSTS_MAX} allowed hosts.` }),
  tags: z.array(nameSchema('Tag', 50)).max(TAGS_MAX, { error: `At most ${TAGS_MAX} tags.` }),
  notes: noteSchema('Notes', NOTES_MAX),
  expiresAt: isoDateSchema.nullable(),
  /** Starred: the Vaults screen's "Favourites" filter shows only these. */
  favorite: z.boolean(),
});
export type EntryMetadata = z.output<typeof entryMetadataSchema>;

export const ENTRY_KINDS = ['issued', 'external'] as const;

export const entryHistoryItemSchema = z.strictObject({
  version: z.number().int().positive(),
  replacedAt: isoDateSchema,
  /** For a rotated issued key: the end of its grace period, after which the old value is dropped. */
  keepUntil: isoDateSchema.nullable(),
  /**
   * In a team vault: the member who set this value (the author of the entry's last change while it was
   * current; for a value kept from a concurrent change, who wrote it). Absent in a vault of one's own.
   */
  by: z.string().max(200).optional(),
});

/** An entry without its sealed values: what lists show. */
export const entryViewSchema = z.strictObject({
  ...entryMetadataSchema.shape,
  // As stored: checked when they were entered. Reading them back never refuses a file over a rule
  // added later (the hidden-character one came in issue 10).
  name: z.string(),
  service: z.string(),
  tags: z.array(z.string()),
  id: idSchema,
  vaultId: idSchema,
  kind: z.enum(ENTRY_KINDS),
  /** Set for a key issued by Keyhaven: the issued key it holds (rotation moves it to the new key). */
  issuedKeyId: idSchema.nullable(),
  /** For an issued key: the app it belongs to and the scopes it carries. */
  appName: z.string().nullable(),
  scopes: z.array(z.string()),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  secretVersion: z.number().int().positive(),
  history: z.array(entryHistoryItemSchema),
  /** In a team vault: the member whose change this is (absent in a vault of one's own). */
  updatedBy: z.string().max(200).optional(),
  /**
   * In a team vault: members removed while this key was current could read it, so it should be
   * rotated at its service. Holds while `version` is still the current one.
   */
  rotateAdvice: z
    .strictObject({ removed: z.array(z.string()), at: isoDateSchema, version: z.number().int().positive() })
    .optional(),
});
export type EntryView = z.output<typeof entryViewSchema>;

export const vaultSummarySchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  createdAt: isoDateSchema,
  entryCount: z.number().int().nonnegative(),
  locked: z.boolean(),
  /** Set after an unlock found no data key in the keychain (profile copied to another machine). */
  keyMissing: z.boolean(),
  /** Present for a team vault: its repository and how its last sync went. */
  team: z
    .strictObject({
      url: z.string(),
      readOnly: z.boolean(),
      lastSyncedAt: isoDateSchema.nullable(),
      lastSync: teamSyncOutcomeSchema.nullable(),
    })
    .optional(),
});
export type VaultSummary = z.output<typeof vaultSummarySchema>;

export const vaultIdInputSchema = z.strictObject({ vaultId: idSchema });
export const createVaultInputSchema = z.strictObject({ name: vaultNameSchema });
export const renameVaultInputSchema = z.strictObject({ vaultId: idSchema, name: vaultNameSchema });
/** Without a vault id: lock every vault. */
export const lockVaultsInputSchema = z.strictObject({ vaultId: idSchema.optional() });
export const deleteVaultResultSchema = z.strictObject({ deletedEntries: z.number().int().nonnegative() });

/** A pasted external key. The secret may carry its header (`Authorization: Bearer …`): main splits it. */
export const newEntryInputSchema = z.strictObject({
  vaultId: idSchema,
  secret: secretSchema,
  name: entryMetadataSchema.shape.name,
  preset: servicePresetIdSchema.optional(),
  service: entryMetadataSchema.shape.service.optional(),
  scheme: headerSchemeSchema.optional(),
  baseUrl: baseUrlSchema.nullable().optional(),
  allowedHosts: entryMetadataSchema.shape.allowedHosts.optional(),
  tags: entryMetadataSchema.shape.tags.optional(),
  notes: entryMetadataSchema.shape.notes.optional(),
  expiresAt: isoDateSchema.nullable().optional(),
  favorite: z.boolean().optional(),
});
export type NewEntryInput = z.input<typeof newEntryInputSchema>;

/** An edit: any metadata field, and a new secret (the current one moves to history). */
export const updateEntryInputSchema = z.strictObject({
  ...entryMetadataSchema.partial().shape,
  entryId: idSchema,
  secret: secretSchema.optional(),
});
export type UpdateEntryInput = z.input<typeof updateEntryInputSchema>;

export const entryIdInputSchema = z.strictObject({ entryId: idSchema });
export const listEntriesInputSchema = vaultIdInputSchema;

/** Show: the current value, or a previous version from the entry's history. */
export const revealEntryInputSchema = z.strictObject({
  entryId: idSchema,
  version: z.number().int().positive().optional(),
});
export const revealedSecretSchema = z.strictObject({ secret: z.string(), version: z.number().int().positive() });

export const COPY_FORMATS = ['value', 'header'] as const;
/** Copy: the current value, or with `version` a previous one still kept in the entry's history. */
export const copyEntryInputSchema = z.strictObject({
  entryId: idSchema,
  format: z.enum(COPY_FORMATS),
  version: z.number().int().positive().optional(),
});
/** Copy happens in main; the renderer only learns when the clipboard will be cleared. */
export const copyResultSchema = z.strictObject({ clearsAfterSeconds: z.number().int().positive() });
export type CopyResult = z.output<typeof copyResultSchema>;
/**
 * An entry's Copy also names the copy, so the page can match the `clipboard:released` event that
 * says what became of it (cleared, left alone because the user copied something else, replaced).
 */
export const entryCopyResultSchema = copyResultSchema.extend({ copyId: z.uuid() });
export type EntryCopyResult = z.output<typeof entryCopyResultSchema>;
export const CLIPBOARD_OUTCOMES = ['cleared', 'changed', 'replaced'] as const;
export type ClipboardOutcome = (typeof CLIPBOARD_OUTCOMES)[number];

/**
 * How long a deleted entry can be restored (Undo). The page offers Undo for 8 s; main keeps the
 * sealed record a little longer, so a click at the last moment still lands.
 */
export const ENTRY_UNDO_SECONDS = 10;

export const AUTO_LOCK_MINUTES_MAX = 24 * 60;
export const vaultSettingsSchema = z.strictObject({
  /** Lock every vault after this much system idle time; 0 turns idle locking off. */
  autoLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(AUTO_LOCK_MINUTES_MAX, { error: 'Auto-lock can be at most 1,440 minutes (a day).' }),
  lockOnScreenLock: z.boolean(),
  /** Seconds before a copied secret is cleared from the clipboard (if it is still there). */
  clipboardClearSeconds: z
    .number()
    .int()
    .min(5, { error: 'Clear the clipboard after 5 seconds or more.' })
    .max(600, { error: 'Clear the clipboard after 600 seconds at most.' }),
  /** The first-run offer to set a Keyhaven passphrase was made (set, or "Not now"): not shown again. */
  passphraseOffered: z.boolean(),
});
export type VaultSettings = z.output<typeof vaultSettingsSchema>;
export const DEFAULT_VAULT_SETTINGS: VaultSettings = {
  autoLockMinutes: 10,
  lockOnScreenLock: true,
  clipboardClearSeconds: 30,
  passphraseOffered: false,
};
export const updateVaultSettingsInputSchema = vaultSettingsSchema.partial();

const passphraseSchema = z
  .string({ error: 'Enter the passphrase.' })
  .min(1, { error: 'Enter the passphrase.' })
  .max(1024, { error: 'A passphrase can be at most 1,024 characters.' });

export const exportVaultInputSchema = z.strictObject({
  vaultId: idSchema,
  /** Chosen entries only; absent exports the whole vault. */
  entryIds: z.array(idSchema).min(1, { error: 'Select at least one entry to export.' }).max(100_000).optional(),
  passphrase: passphraseSchema,
});
/** The encrypted file's text (nothing in it is readable without the passphrase) and a suggested name. */
export const exportResultSchema = z.strictObject({
  fileName: z.string(),
  contents: z.string(),
  entryCount: z.number().int().nonnegative(),
});
export type ExportResult = z.output<typeof exportResultSchema>;

export const importFileInputSchema = z.strictObject({
  vaultId: idSchema,
  contents: z.string().max(EXPORT_FILE_MAX, { error: 'This file is too large to be a Keyhaven vault export.' }),
  passphrase: passphraseSchema,
});
export const CONFLICT_CHOICES = ['skip', 'replace', 'keepBoth'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];
export const importInputSchema = z.strictObject({
  ...importFileInputSchema.shape,
  /** Per conflicting imported entry id; conflicts not listed are skipped. */
  choices: z
    .record(idSchema, z.enum(CONFLICT_CHOICES))
    .refine((choices) => Object.keys(choices).length <= 100_000, { error: 'Too many conflict choices.' }),
});
export type ImportInput = z.input<typeof importInputSchema>;

export const importPreviewSchema = z.strictObject({
  vaultName: z.string(),
  exportedAt: z.string(),
  entryCount: z.number().int().nonnegative(),
  entries: z.array(z.strictObject({ importedId: idSchema, name: z.string(), service: z.string() })),
  conflicts: z.array(z.strictObject({ importedId: idSchema, name: z.string(), existingId: idSchema })),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importSummarySchema = z.strictObject({
  added: z.number().int().nonnegative(),
  replaced: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  keptBoth: z.number().int().nonnegative(),
});
export type ImportSummary = z.output<typeof importSummarySchema>;

/** The wizard's "Save in vault": the key's plaintext never comes back from the renderer, only its id. */
export const saveIssuedKeyInputSchema = z.strictObject({ keyId: idSchema, vaultId: idSchema });
export const issuedKeyIdInputSchema = z.strictObject({ keyId: idSchema });
