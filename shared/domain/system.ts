import { z } from 'zod';

export const keychainStatusSchema = z.strictObject({
  available: z.boolean(),
  /** Set when unavailable: what happened and what to do, for people. */
  problem: z.string().nullable(),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const systemStatusSchema = z.strictObject({
  version: z.string(),
  keychain: keychainStatusSchema,
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;
