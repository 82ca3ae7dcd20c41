import { z } from 'zod';
import { KEY_STATUSES } from './issued-key';
import { idSchema } from './text';

/**
 * One search across everything (issue 14, Ctrl/Cmd+K): apps, issued keys, vault entries (locked
 * vaults too, by their metadata) and saved requests. Results carry names and public labels only —
 * never a key, a header value or a note's text.
 */
export const SEARCH_QUERY_MAX = 200;
/** Per kind, so a hundred matching keys do not push every entry out of the list. */
export const SEARCH_RESULTS_PER_KIND = 8;

export const searchInputSchema = z.strictObject({
  query: z
    .string({ error: 'Type something to search for.' })
    .trim()
    .min(1, { error: 'Type something to search for.' })
    .max(SEARCH_QUERY_MAX, { error: `A search can be at most ${SEARCH_QUERY_MAX} characters.` }),
});

export const appResultSchema = z.strictObject({
  kind: z.literal('app'),
  appId: idSchema,
  name: z.string(),
  keyPrefix: z.string(),
  activeKeyCount: z.number().int().nonnegative(),
});

export const keyResultSchema = z.strictObject({
  kind: z.literal('key'),
  appId: idSchema,
  appName: z.string(),
  /** The issued key's record id (what the key page opens). */
  id: idSchema,
  name: z.string(),
  /** The public label, `pyas_n58lZyBi`. */
  label: z.string(),
  status: z.enum(KEY_STATUSES),
});

export const entryResultSchema = z.strictObject({
  kind: z.literal('entry'),
  vaultId: idSchema,
  vaultName: z.string(),
  entryId: idSchema,
  name: z.string(),
  service: z.string(),
  tags: z.array(z.string()),
  /** A locked vault's entries are found by their metadata; copying them asks to unlock first. */
  locked: z.boolean(),
});

export const requestResultSchema = z.strictObject({
  kind: z.literal('request'),
  savedId: idSchema,
  name: z.string(),
  method: z.string(),
  url: z.string(),
  /** The folder path, "Pyas / Keys". */
  folder: z.string(),
});

export const searchResultSchema = z.discriminatedUnion('kind', [
  appResultSchema,
  keyResultSchema,
  entryResultSchema,
  requestResultSchema,
]);
export type SearchResult = z.output<typeof searchResultSchema>;

export const SEARCH_PARTS = ['vaults', 'console'] as const;

export const searchResultsSchema = z.strictObject({
  results: z.array(searchResultSchema),
  /** Data files that could not be searched (damaged or unreadable): the page says so, not "no results". */
  unavailable: z.array(z.enum(SEARCH_PARTS)),
});
export type SearchResults = z.output<typeof searchResultsSchema>;
