import { z } from 'zod';
import { GRACE_PERIOD_IDS } from '../catalogs/expirations';
import { VERIFY_SCHEME_IDS } from '../catalogs/header-schemes';
import { expirationSchema } from './expiration';
import { idSchema, isoDateSchema, nameSchema, noteSchema } from './text';

export const KEY_NAME_MAX = 100;
export const KEY_NOTE_MAX = 500;
export const UNUSED_AFTER_DAYS = 90;
export const SCOPES_PER_KEY_MAX = 200;

/** Derived from the record and the clock, never stored (DESIGN.md §5). */
export const KEY_STATUSES = ['active', 'expiring_soon', 'expired', 'revoked', 'rotated', 'disabled'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/** What the renderer sees of an issued key: everything but its hash. */
export const issuedKeySummarySchema = z.strictObject({
  id: idSchema,
  appId: idSchema,
  name: z.string(),
  /** Free text about the key (what uses it, who to ask); never a secret by design, but not shown in tables. */
  note: z.string(),
  /** The prefix the key was issued with (an app's prefix may change later; its keys keep theirs). */
  keyPrefix: z.string(),
  keyId: z.string(),
  scopes: z.array(z.string()),
  createdAt: isoDateSchema,
  expiration: expirationSchema,
  expiresAt: isoDateSchema.nullable(),
  revokedAt: isoDateSchema.nullable(),
  /** Set while the key is disabled (a temporary stop, undone by enabling it); verifies as DISABLED. */
  disabledAt: isoDateSchema.nullable(),
  lastUsedAt: isoDateSchema.nullable(),
  useCount: z.number().int().nonnegative(),
  /** Rotation links: the key this one replaced, the key that replaced it, and until when it still works. */
  replacesId: idSchema.nullable(),
  replacedById: idSchema.nullable(),
  graceEndsAt: isoDateSchema.nullable(),
  status: z.enum(KEY_STATUSES),
  /**
   * Live, and verified nowhere — not here, not by a service whose usage was imported — for
   * UNUSED_AFTER_DAYS (counted from its creation when never used): a key to revoke, probably.
   */
  unused: z.boolean(),
});
export type IssuedKeySummary = z.infer<typeof issuedKeySummarySchema>;

export const listKeysInputSchema = z.strictObject({ appId: idSchema });

export const generateKeyInputSchema = z
  .strictObject({
    appId: idSchema,
    name: nameSchema('API key name', KEY_NAME_MAX),
    expiration: expirationSchema,
    scopes: z.array(z.string().max(60)).max(SCOPES_PER_KEY_MAX, { error: 'Too many scopes.' }),
    /** An empty scope list is accepted only with this explicit choice ("This key needs no scopes"). */
    noScopes: z.boolean().optional(),
  })
  .refine((input) => input.scopes.length > 0 || input.noScopes === true, {
    error: 'Select at least one scope, or tick "This key needs no scopes".',
    path: ['scopes'],
  })
  .refine((input) => new Set(input.scopes).size === input.scopes.length, {
    error: 'A scope is selected twice.',
    path: ['scopes'],
  });
export type GenerateKeyInput = z.input<typeof generateKeyInputSchema>;

/** The only response that ever carries an issued key's plaintext: shown once, then gone. */
export const generatedKeySchema = z.strictObject({
  key: issuedKeySummarySchema,
  plaintext: z.string(),
  /** Set by a rotation: the key that was replaced, now Rotated. */
  replaced: issuedKeySummarySchema.nullable(),
});
export type GeneratedKey = z.infer<typeof generatedKeySchema>;

/** A rotation's answer: the new key, and what happened to vault entries that held the old one. */
export const rotatedKeySchema = generatedKeySchema.extend({
  vaultUpdate: z.strictObject({
    updatedEntries: z.number().int().nonnegative(),
    /** Set when entries holding the old key could not be updated (keychain unavailable): what to do. */
    problem: z.string().nullable(),
  }),
});
export type RotatedKey = z.infer<typeof rotatedKeySchema>;

export const rotateKeyInputSchema = z.strictObject({
  id: idSchema,
  grace: z.enum(GRACE_PERIOD_IDS),
});
export type RotateKeyInput = z.input<typeof rotateKeyInputSchema>;

export const revokeKeyInputSchema = z.strictObject({ id: idSchema });

/** Disable or enable a key: a temporary stop, distinct from revoke. */
export const keyIdInputSchema = z.strictObject({ id: idSchema });

/** Rename a key or change its note; at least one of them. */
export const updateKeyInputSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema('API key name', KEY_NAME_MAX).optional(),
    note: noteSchema('Note', KEY_NOTE_MAX).optional(),
  })
  .refine((input) => input.name !== undefined || input.note !== undefined, {
    error: 'Give a new name or note.',
  });
export type UpdateKeyInput = z.input<typeof updateKeyInputSchema>;

export const KEY_USAGE_DAYS = 30;

/**
 * The page's offset from UTC (minutes east, as `-new Date().getTimezoneOffset()`), so days are the
 * user's days; hours are the finest grain the core keeps, so any whole-hour or half-hour zone works.
 */
export const keyUsageInputSchema = z.strictObject({
  id: idSchema,
  utcOffsetMinutes: z.number().int().min(-840).max(840),
});

/** Verifications of one key per day (in the page's time zone), oldest first, over the last KEY_USAGE_DAYS days (today included). */
export const keyUsageSchema = z.strictObject({
  days: z.array(z.strictObject({ day: z.string(), count: z.number().int().nonnegative() })),
  total: z.number().int().nonnegative(),
});
export type KeyUsage = z.infer<typeof keyUsageSchema>;

/** The user clicked Show or Copy on the "Store your API key" page: recorded in the activity log. */
export const keyViewedInputSchema = z.strictObject({ id: idSchema, action: z.enum(['shown', 'copied']) });

export const VERIFY_CODES = [
  'VALID',
  'MALFORMED',
  'NOT_FOUND',
  'EXPIRED',
  'REVOKED',
  /** Disabled by the user: a temporary stop; enabling the key makes it VALID again. */
  'DISABLED',
  'INSUFFICIENT_SCOPE',
  /** The key's record was changed outside Keyhaven (its seal fails): refused whatever it says. */
  'TAMPERED',
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

/** "Check a key": the header value as a client would send it, with its scheme. */
export const verifyKeyInputSchema = z.strictObject({
  headerValue: z.string().max(1000, { error: 'That header value is too long to be a Keyhaven key.' }),
  scheme: z.enum(VERIFY_SCHEME_IDS),
  requiredScope: z.string().max(60).optional(),
});
export type VerifyKeyInput = z.input<typeof verifyKeyInputSchema>;

export const verifyResultSchema = z.strictObject({
  code: z.enum(VERIFY_CODES),
  /** The matching key, when the presented key is one of ours (whatever its state); never for MALFORMED. */
  key: issuedKeySummarySchema.nullable(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;
