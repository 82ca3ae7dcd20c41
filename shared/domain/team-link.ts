import { z } from 'zod';
import { GRACE_PERIOD_IDS } from '../catalogs/expirations';
import { idSchema, isoDateSchema } from './text';

/**
 * A local vault bound to a team repository (issue 15): the vault's entries live, sealed as any
 * vault's, in vaults.json (so unlocking, Show, Copy, search and `kh://` work exactly as for any
 * vault, and unlock never decrypts a thousand age files); the link says where its team is and what
 * was last exchanged with it. All of it is metadata, in clear: no secret, no key, and the remote's
 * address without any credentials (those stay in git's own working copy).
 */
const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
const commitSchema = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);

export const TEAM_SYNC_STATES = ['synced', 'offline', 'history-rewritten', 'failed', 'locked', 'removed'] as const;
export type TeamSyncState = (typeof TEAM_SYNC_STATES)[number];

export const teamSyncOutcomeSchema = z.strictObject({
  state: z.enum(TEAM_SYNC_STATES),
  at: isoDateSchema,
  /** Local commits waiting for the remote (offline). */
  ahead: z.number().int().nonnegative(),
  /** What went wrong, in words fit to show (no secret, no credentials). */
  message: z.string().max(2000).optional(),
  /** Entry files refused by their checks at that sync (forged, tampered, a read-only member's). */
  refused: z.array(z.string().max(200)).max(1000).optional(),
});
export type TeamSyncOutcome = z.output<typeof teamSyncOutcomeSchema>;

export const teamLinkSchema = z.strictObject({
  /** The repository's address as shown: a path, or a URL with any user:token part removed. */
  url: z.string().min(1).max(2048),
  /** The hash of the member list's genesis: pinned, so a replaced member list is refused. */
  teamId: sha256HexSchema,
  /** The last member record this member accepted: a later list must still hold it there. */
  pin: z.strictObject({ seq: z.number().int().nonnegative(), hash: sha256HexSchema }),
  /** The remote head of the last sync that succeeded: a force-push that drops it is noticed. */
  lastSyncedRemote: commitSchema.nullable(),
  lastSyncedAt: isoDateSchema.nullable(),
  lastSync: teamSyncOutcomeSchema.nullable(),
  /**
   * Each entry exchanged with the team and its change mark then (`updatedAt#version`, see
   * entryMark). An entry whose mark differs was changed here and is sent at the next sync; one
   * missing here was deleted here and leaves a tombstone (unless a teammate changed it since: an edit
   * beats a delete).
   */
  known: z.record(idSchema, z.string().max(80)),
  /** Set for a read-only member: the vault is shown read-only and nothing is sent. */
  readOnly: z.boolean(),
});
export type TeamLink = z.output<typeof teamLinkSchema>;

/**
 * What says an entry changed: its `updatedAt` and its key's version. The version is in it so a new
 * key is never missed, even when two changes fall on one millisecond of the clock.
 */
export const entryMark = (entry: { updatedAt: string; version: number }): string =>
  `${entry.updatedAt}#${entry.version}`;

/** Removes a `user:token@` part of an http(s) URL (ssh's `git@` names no secret), for showing and storing the remote's address. */
export function displayRepoUrl(url: string): string {
  return url.replace(/^(https?:\/\/)[^/@]*@/i, '$1');
}

export const teamMemberViewSchema = z.strictObject({
  name: z.string(),
  /** Grouped for reading aloud: `a1b2 c3d4 e5f6 0718`. */
  fingerprint: z.string(),
  readOnly: z.boolean(),
  me: z.boolean(),
});
export type TeamMemberView = z.output<typeof teamMemberViewSchema>;

/** A team vault as the app and the command line show it. */
export const teamVaultStatusSchema = z.strictObject({
  vaultId: idSchema,
  url: z.string(),
  teamId: z.string(),
  readOnly: z.boolean(),
  members: z.array(teamMemberViewSchema),
  /** Everyone ever removed: history and "updated by" still name them. */
  former: z.array(teamMemberViewSchema),
  lastSyncedAt: isoDateSchema.nullable(),
  lastSync: teamSyncOutcomeSchema.nullable(),
});
export type TeamVaultStatus = z.output<typeof teamVaultStatusSchema>;

export const teamIdentityViewSchema = z.strictObject({
  name: z.string(),
  fingerprint: z.string(),
  /** The one line to send to a teammate who adds you. */
  line: z.string(),
});
export type TeamIdentityView = z.output<typeof teamIdentityViewSchema>;

/**
 * Where a team repository is: an absolute path, or a URL git fetches over https, http, ssh, git or
 * file, or the scp-like `user@host:path`. Anything else is refused before git sees it: a leading `-`
 * would be read as an option, and transports like `ext::` run commands.
 */
export const repoUrlSchema = z
  .string({ error: 'Enter the repository’s path or URL.' })
  .trim()
  .min(1, { error: 'Enter the repository’s path or URL.' })
  .max(2048, { error: 'This repository address is too long.' })
  // eslint-disable-next-line no-control-regex
  .refine((url) => !/[\u0000-\u001f\u007f]/.test(url), { error: 'The repository address holds a control character.' })
  .refine(
    (url) =>
      /^\//.test(url) ||
      /^[A-Za-z]:[\\/]/.test(url) ||
      /^(https?|ssh|git|file):\/\/[^\s]+$/i.test(url) ||
      /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+$/.test(url),
    { error: 'Use an absolute path, an https:// or ssh:// URL, or user@host:path.' },
  );

const memberNameInput = z.string().trim().min(1).max(100).optional();
export const shareTeamInputSchema = z.strictObject({
  vaultId: idSchema,
  url: repoUrlSchema,
  memberName: memberNameInput,
});
export const joinTeamInputSchema = z.strictObject({
  url: repoUrlSchema,
  vaultName: z.string().trim().min(1).max(100),
  memberName: memberNameInput,
});
export const addTeamMemberInputSchema = z.strictObject({
  vaultId: idSchema,
  line: z.string().max(1000),
  readOnly: z.boolean(),
});
export const removeTeamMemberInputSchema = z.strictObject({
  vaultId: idSchema,
  member: z.string().trim().min(1).max(200),
});
export const createTeamIdentityInputSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });

export const mergeNoticeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('edit-kept-over-delete'),
    entryId: z.string(),
    name: z.string(),
    deletedBy: z.string(),
    editedBy: z.string(),
  }),
  z.strictObject({
    kind: z.literal('newer-kept'),
    entryId: z.string(),
    name: z.string(),
    keptFrom: z.string(),
    olderFrom: z.string(),
    fields: z.array(z.string()),
  }),
]);

export const teamSyncResultSchema = z.strictObject({
  vaultId: idSchema,
  state: z.enum(TEAM_SYNC_STATES),
  ahead: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  notices: z.array(mergeNoticeSchema),
  refused: z.array(z.string()),
  message: z.string().optional(),
  timings: z.strictObject({ totalMs: z.number(), gitMs: z.number() }),
});

export const teamRemovalResultSchema = z.strictObject({
  status: teamVaultStatusSchema,
  removed: z.string(),
  exposed: z.array(z.strictObject({ id: idSchema, name: z.string(), issued: z.boolean() })),
});

export const rotateExposedInputSchema = z.strictObject({ vaultId: idSchema, grace: z.enum(GRACE_PERIOD_IDS) });
export const rotateExposedResultSchema = z.strictObject({
  rotated: z.array(z.strictObject({ entryId: idSchema, name: z.string() })),
  failed: z.array(z.strictObject({ entryId: idSchema, name: z.string(), message: z.string() })),
});
