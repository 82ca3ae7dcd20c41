import { z } from 'zod';
import { idSchema, isoDateSchema } from '../domain/text';
import { storedRequestSchema } from './request';

/**
 * Console history as the renderer sees it (issue 5 §6, issue 13). Items hold requests in their stored
 * form (request.ts): no typed key, a vault entry only by reference, and no value that looked like a
 * key (see electron/core/console/sanitize.ts). The list travels as summaries, so 10,000 items open
 * quickly; an item's request is fetched when it is opened.
 */
export const HISTORY_MAX = 10_000;
/** A larger body is not kept in history (the item says how large it was): 10,000 items stay under ~80 MB. */
export const HISTORY_BODY_MAX_BYTES = 8 * 1024;

export const historyOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('response'),
    status: z.number().int(),
    statusText: z.string(),
    timeMs: z.number().nonnegative(),
    sizeBytes: z.number().int().nonnegative(),
  }),
  z.strictObject({ kind: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type HistoryOutcome = z.output<typeof historyOutcomeSchema>;

export const historyItemSchema = z.strictObject({
  id: idSchema,
  at: isoDateSchema,
  request: storedRequestSchema,
  outcome: historyOutcomeSchema,
  /** Something that looked like a key (or a credential header's value) was taken out before storing. */
  secretsRemoved: z.boolean(),
  /** The body was larger than HISTORY_BODY_MAX_BYTES and is not kept; its size in bytes. */
  bodyOmittedBytes: z.number().int().nonnegative().nullable(),
});
export type HistoryItem = z.output<typeof historyItemSchema>;

/** One line of the history list. */
export const historySummarySchema = z.strictObject({
  id: idSchema,
  at: isoDateSchema,
  method: z.string(),
  url: z.string(),
  outcome: historyOutcomeSchema,
});
export type HistorySummary = z.output<typeof historySummarySchema>;

export const historySummaryOf = (item: HistoryItem): HistorySummary => ({
  id: item.id,
  at: item.at,
  method: item.request.method,
  url: item.request.url,
  outcome: item.outcome,
});

/** The newest `limit` summaries (all when absent): the sidebar draws the first screenful, then the rest. */
export const historyListInputSchema = z.strictObject({ limit: z.number().int().positive().optional() });

export const historyIdInputSchema = z.strictObject({ id: idSchema });
