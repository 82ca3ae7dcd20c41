import { z } from 'zod';
import { idSchema, isoDateSchema } from './text';

export const ACTIVITY_TYPES = ['app.created', 'key.generated'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** One line of the append-only activity log. Never carries a secret: only ids and display names. */
export const activityRecordSchema = z.strictObject({
  id: idSchema,
  at: isoDateSchema,
  type: z.enum(ACTIVITY_TYPES),
  appId: idSchema,
  issuedKeyId: idSchema.nullable(),
  summary: z.string(),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

export const listActivityInputSchema = z.strictObject({ appId: idSchema.optional() });
