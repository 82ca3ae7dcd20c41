import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema, noteSchema } from './text';

export const APP_NAME_MAX = 80;
export const APP_DESCRIPTION_MAX = 500;
export const KEY_PREFIX_MAX = 16;

/** Lowercase letters then letters/digits: `_` separates the prefix from the key id in a key. */
export const KEY_PREFIX_PATTERN = /^[a-z][a-z0-9]*$/;

export const scopeSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+:[a-z_]+$/),
  label: z.string().min(1).max(60),
  description: z.string().max(200),
});
export type Scope = z.infer<typeof scopeSchema>;

export const appSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  keyPrefix: z.string().regex(KEY_PREFIX_PATTERN).max(KEY_PREFIX_MAX),
  scopes: z.array(scopeSchema),
  createdAt: isoDateSchema,
});
export type App = z.infer<typeof appSchema>;

export const appSummarySchema = appSchema.extend({
  activeKeyCount: z.number().int().nonnegative(),
  keyCount: z.number().int().nonnegative(),
});
export type AppSummary = z.infer<typeof appSummarySchema>;

export const createAppInputSchema = z.strictObject({
  name: nameSchema('App name', APP_NAME_MAX),
  description: noteSchema('Description', APP_DESCRIPTION_MAX).optional(),
});
export type CreateAppInput = z.input<typeof createAppInputSchema>;

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
