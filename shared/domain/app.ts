import { z } from 'zod';
import { VERIFY_SCHEME_IDS } from '../catalogs/header-schemes';
import { idSchema, isoDateSchema, nameSchema, noteSchema } from './text';

export const APP_NAME_MAX = 80;
export const APP_DESCRIPTION_MAX = 500;
export const KEY_PREFIX_MAX = 16;

/** Lowercase letters then letters/digits: `_` separates the prefix from the key id in a key. */
export const KEY_PREFIX_PATTERN = /^[a-z][a-z0-9]*$/;

export const SCOPE_ID_PATTERN = /^[a-z][a-z_]*:[a-z][a-z_]*$/;
export const SCOPE_ID_MAX = 60;
export const SCOPE_LABEL_MAX = 60;
export const SCOPE_DESCRIPTION_MAX = 200;

export const scopeSchema = z.strictObject({
  id: z.string().regex(SCOPE_ID_PATTERN).max(SCOPE_ID_MAX),
  label: z.string().min(1).max(SCOPE_LABEL_MAX),
  description: z.string().max(SCOPE_DESCRIPTION_MAX),
});
export type Scope = z.infer<typeof scopeSchema>;

/** How long a published keyset stays valid when nothing changes (Settings → Verification). */
export const KEYSET_VALID_DAYS_DEFAULT = 7;
export const KEYSET_VALID_DAYS_MAX = 90;

/**
 * Which secret an app's keys are hashed under (keys/app-secrets.ts). `folder`: the data folder's
 * pepper, shared by the apps created before per-app secrets, so their keys verify unchanged; `app`:
 * the app's own, so the secret a service holds for it confirms no other app's keys.
 */
export const keyHashingSchema = z.enum(['folder', 'app']);
export type KeyHashing = z.infer<typeof keyHashingSchema>;

/** The app's keyset (issue 12): its sequence only grows; `publishTo` is a folder rewritten on each change. */
export const keysetSettingsSchema = z.strictObject({
  sequence: z.number().int().nonnegative(),
  validDays: z.number().int().min(1).max(KEYSET_VALID_DAYS_MAX),
  publishTo: z.string().nullable(),
  /** The file's name in `publishTo`, fixed when publishing starts: a later prefix change keeps it. */
  fileName: z.string().nullable(),
  publishedAt: isoDateSchema.nullable(),
  /** Why the last write to `publishTo` failed; null once one succeeds. */
  publishError: z.string().nullable(),
});
export type KeysetSettings = z.infer<typeof keysetSettingsSchema>;

export const DEFAULT_KEYSET_SETTINGS: KeysetSettings = {
  sequence: 0,
  validDays: KEYSET_VALID_DAYS_DEFAULT,
  publishTo: null,
  fileName: null,
  publishedAt: null,
  publishError: null,
};

export const appHeaderSchemeSchema = z.enum(VERIFY_SCHEME_IDS, {
  error: 'Choose how the keys are sent: X-API-Key, Api-Key or Bearer.',
});
/** A new app's: Pyas's and Cerby's `x-api-key`, the header of the two flows apps and the wizard come from. */
export const DEFAULT_APP_HEADER_SCHEME = 'x-api-key';

/** Which scopes a new app starts with: Cerby's nine, or none (atfinity and nexos.ai keys carry no scopes). */
export const STARTING_SCOPES = ['default', 'none'] as const;

export const appSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  keyPrefix: z.string().regex(KEY_PREFIX_PATTERN).max(KEY_PREFIX_MAX),
  scopes: z.array(scopeSchema),
  createdAt: isoDateSchema,
  keyHashing: keyHashingSchema,
  keyset: keysetSettingsSchema,
  /** How the app's keys are sent (`x-api-key`, `Authorization: Api-Key …`, `Authorization: Bearer …`). */
  headerScheme: appHeaderSchemeSchema,
  /**
   * Set when the app was archived: every key it had was revoked with it, and it issues no more keys.
   * Archiving cannot be undone (its keys were revoked); an archived app can then be deleted.
   */
  archivedAt: isoDateSchema.nullable(),
});
export type App = z.infer<typeof appSchema>;

export const appSummarySchema = appSchema.extend({
  activeKeyCount: z.number().int().nonnegative(),
  keyCount: z.number().int().nonnegative(),
  /** Keys expiring within 7 days (the in-app badge), and of those, within 1 day (shown as urgent). */
  expiringSoonCount: z.number().int().nonnegative(),
  expiringWithinDayCount: z.number().int().nonnegative(),
});
export type AppSummary = z.infer<typeof appSummarySchema>;

export const createAppInputSchema = z.strictObject({
  name: nameSchema('App name', APP_NAME_MAX),
  description: noteSchema('Description', APP_DESCRIPTION_MAX).optional(),
  headerScheme: appHeaderSchemeSchema.optional(),
  scopes: z.enum(STARTING_SCOPES).optional(),
});
export type CreateAppInput = z.input<typeof createAppInputSchema>;

const keyPrefixInputSchema = z
  .string({ error: 'Key prefix must be text.' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Key prefix is required.' })
      .max(KEY_PREFIX_MAX, { error: `Key prefix can be at most ${KEY_PREFIX_MAX} characters.` })
      .regex(KEY_PREFIX_PATTERN, {
        error: 'Key prefix must start with a lowercase letter and contain only lowercase letters and digits.',
      }),
  );

/** Settings → General: every field optional; a new prefix applies to keys generated from now on. */
export const updateAppInputSchema = z.strictObject({
  appId: idSchema,
  name: nameSchema('App name', APP_NAME_MAX).optional(),
  description: noteSchema('Description', APP_DESCRIPTION_MAX).optional(),
  keyPrefix: keyPrefixInputSchema.optional(),
  headerScheme: appHeaderSchemeSchema.optional(),
});
export type UpdateAppInput = z.input<typeof updateAppInputSchema>;

const scopeIdInputSchema = z
  .string({ error: 'Scope identifier must be text.' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Scope identifier is required.' })
      .max(SCOPE_ID_MAX, { error: `Scope identifier can be at most ${SCOPE_ID_MAX} characters.` })
      .regex(SCOPE_ID_PATTERN, {
        error: 'Scope identifier looks like read:items — lowercase words and underscores around one colon.',
      }),
  );

export const addScopeInputSchema = z.strictObject({
  appId: idSchema,
  id: scopeIdInputSchema,
  label: nameSchema('Scope name', SCOPE_LABEL_MAX),
  description: noteSchema('Scope description', SCOPE_DESCRIPTION_MAX).optional(),
});
export type AddScopeInput = z.input<typeof addScopeInputSchema>;

/** Renames a scope (its label and description); the identifier stays, because keys refer to it. */
export const updateScopeInputSchema = z.strictObject({
  appId: idSchema,
  scopeId: z.string().max(SCOPE_ID_MAX),
  label: nameSchema('Scope name', SCOPE_LABEL_MAX),
  description: noteSchema('Scope description', SCOPE_DESCRIPTION_MAX).optional(),
});
export type UpdateScopeInput = z.input<typeof updateScopeInputSchema>;

/** Removes a scope from the catalog and from every key that has it (permissions only ever narrow). */
export const removeScopeInputSchema = z.strictObject({
  appId: idSchema,
  scopeId: z.string().max(SCOPE_ID_MAX),
});

/** Derives a key prefix from an app name: "Pyas" → "pyas", "My App 2" → "myapp2", "2fa" → "app2fa". */
export function deriveKeyPrefix(name: string): string {
  const folded = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const startsWithLetter = /^[a-z]/.test(folded) ? folded : `app${folded}`;
  return startsWithLetter.slice(0, KEY_PREFIX_MAX);
}

/**
 * The prefix a new app gets: derived from its name, numbered when another app already uses it (pyas,
 * pyas2, …), so a leaked key's prefix names exactly one app. Shared so the New App dialog's preview
 * shows what the core will assign.
 */
export function uniqueKeyPrefix(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = String(n);
    const candidate = base.slice(0, KEY_PREFIX_MAX - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
