import { z } from 'zod';
import { idSchema, isoDateSchema, nameSchema } from '../domain/text';
import { consoleRequestSchema, storedRequestSchema } from './request';

/**
 * Console history and saved requests as the renderer sees them (issue 5 §6–7). Both hold requests
 * in their stored form (request.ts): no typed key, a vault entry only by reference, and no value
 * that looked like a key (see electron/core/console/sanitize.ts).
 */
export const HISTORY_MAX = 500;
export const SAVED_MAX = 500;
/** A larger body is not kept in history (the item says how large it was). */
export const HISTORY_BODY_MAX_BYTES = 32 * 1024;
export const SAVED_BODY_MAX_BYTES = 1024 * 1024;
export const SAVED_NAME_MAX = 200;
export const GROUP_NAME_MAX = 100;

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

export const savedRequestSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  /** The service the request belongs to (an entry's service, or the URL's host): the list is grouped by it. */
  group: z.string(),
  request: storedRequestSchema,
  secretsRemoved: z.boolean(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type SavedRequest = z.output<typeof savedRequestSchema>;

export const savedNameSchema = nameSchema('Name', SAVED_NAME_MAX);
export const groupNameSchema = nameSchema('Service', GROUP_NAME_MAX);

/** Save: a request as edited (a typed key in it is dropped, never stored). Group: default from the entry or host. */
export const saveRequestInputSchema = z.strictObject({
  name: savedNameSchema,
  group: groupNameSchema.optional(),
  request: consoleRequestSchema,
});
export const updateSavedInputSchema = z.strictObject({
  id: idSchema,
  name: savedNameSchema.optional(),
  group: groupNameSchema.optional(),
  request: consoleRequestSchema.optional(),
});
export const savedIdInputSchema = z.strictObject({ id: idSchema });
export const historyIdInputSchema = z.strictObject({ id: idSchema });
