import { z } from 'zod';
import { dataProblemSchema } from './data-recovery';

export const keychainStatusSchema = z.strictObject({
  /** `locked`: the keychain is there but its collection is locked (the user unlocks it, installs nothing). */
  state: z.enum(['connected', 'locked', 'unavailable']),
  /** Set unless connected: what happened and what to do, for people. */
  problem: z.string().nullable(),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const systemStatusSchema = z.strictObject({
  version: z.string(),
  keychain: keychainStatusSchema,
  /** Data files that could not be opened; a `keys` problem means nothing else is open. */
  dataProblems: z.array(dataProblemSchema),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;

/** After a recovery: the new status, and where the damaged files were moved (never deleted). */
export const recoveryResultSchema = z.strictObject({
  status: systemStatusSchema,
  keptAs: z.array(z.string()),
});
export type RecoveryResult = z.infer<typeof recoveryResultSchema>;
