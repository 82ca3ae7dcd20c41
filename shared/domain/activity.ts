import { z } from 'zod';
import { idSchema, isoDateSchema } from './text';

export const ACTIVITY_TYPES = [
  'app.created',
  'app.updated',
  'scopes.changed',
  'key.generated',
  'key.shown',
  'key.copied',
  'key.savedInVault',
  'key.rotated',
  'key.revoked',
  'key.verified',
  'entry.read',
  'entry.added',
  'entry.replaced',
  'entry.removed',
  'vault.created',
  /** Issue 12: a keyset exported or its publishing folder set; the verification secret shown or copied. */
  'keyset.published',
  'app.secretShown',
  /** Uses a service's verifier counted, imported from its usage file. */
  'key.usageImported',
  /** Issue 14: a key renamed or its note changed; disabled and enabled again; an app archived or deleted. */
  'key.updated',
  'key.disabled',
  'key.enabled',
  'app.archived',
  'app.deleted',
  /**
   * Issue 14: vault keys read in the window (Show, Copy, Copy as header) or sent by the request
   * console; an entry's settings edited; a vault exported, imported, locked, unlocked, renamed or deleted.
   */
  'entry.shown',
  'entry.copied',
  'entry.sent',
  'entry.updated',
  'vault.exported',
  'vault.imported',
  'vault.locked',
  'vault.unlocked',
  'vault.renamed',
  'vault.deleted',
  /**
   * Issue 15: a vault shared with a team or a team vault joined; a sync that brought, sent or merged
   * something (or refused a file, or found the member removed); a member added or removed.
   */
  'team.shared',
  'team.joined',
  'team.synced',
  'team.memberAdded',
  'team.memberRemoved',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * Who made the change: the desktop app (and the harness that serves its page), or the `keyhaven`
 * command line. Records written before the command line existed have none and read as the app.
 */
export const ACTIVITY_ACTORS = ['app', 'cli'] as const;
export type ActivityActor = (typeof ACTIVITY_ACTORS)[number];

/**
 * One record of the append-only, hash-chained activity log. Never carries a secret: ids, public key
 * labels (`pyas_n58lZyBi`) and display names only. `key.verified` records aggregate one key's checks
 * over one hour (`count`).
 */
export const activityRecordSchema = z.strictObject({
  seq: z.number().int().positive(),
  at: isoDateSchema,
  type: z.enum(ACTIVITY_TYPES),
  /** The app the record is about; null for a vault's records (`entry.*`, `vault.created`). */
  appId: idSchema.nullable(),
  issuedKeyId: idSchema.nullable(),
  /** The key's public label, e.g. `pyas_n58lZyBi`, or null for app-level events. */
  keyLabel: z.string().nullable(),
  summary: z.string(),
  count: z.number().int().positive(),
  actor: z.enum(ACTIVITY_ACTORS).optional(),
  /** The vault (and entry) a vault record is about (issue 14); absent from other and older records. */
  vaultId: idSchema.optional(),
  entryId: idSchema.optional(),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

/**
 * What Activity lists: the chained records, and first the verifications counted but not yet sealed
 * into a record (the current hour, so far, and any hour not sealed yet). Such a provisional record is
 * not in the log: it has no number (`seq` 0) and its count grows until its hour is sealed.
 */
export const activityListItemSchema = activityRecordSchema.extend({
  seq: z.number().int().nonnegative(),
  provisional: z.literal(true).optional(),
});
export type ActivityListItem = z.infer<typeof activityListItemSchema>;

export const ACTIVITY_LIST_MAX = 1000;

export const listActivityInputSchema = z.strictObject({
  appId: idSchema.optional(),
  issuedKeyId: idSchema.optional(),
  limit: z.number().int().min(1).max(ACTIVITY_LIST_MAX).optional(),
});

export const chainCheckSchema = z.strictObject({
  intact: z.boolean(),
  count: z.number().int().nonnegative(),
  /** The first record whose hash does not follow from the one before, when broken. */
  brokenAtSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type ChainCheck = z.infer<typeof chainCheckSchema>;
