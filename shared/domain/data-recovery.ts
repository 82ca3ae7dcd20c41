import { z } from 'zod';

/**
 * The three documents of a data folder, each a part the app can run without, except `keys`:
 * - keys:    keyhaven.json (apps and issued keys); without it nothing opens (the recovery page).
 * - vaults:  vaults.json; without it issuing and the console keep working.
 * - console: console.json (history, saved requests); without it vaults and issuing keep working.
 */
export const DATA_PARTS = ['keys', 'vaults', 'console'] as const;
export const dataPartSchema = z.enum(DATA_PARTS);
export type DataPart = z.infer<typeof dataPartSchema>;

/** The parts that may start empty: an empty key store would leave every issued key unverifiable. */
export const optionalDataPartSchema = z.enum(['vaults', 'console']);

export const RECOVERY_ACTIONS = ['restoreBackup', 'startEmpty', 'retry'] as const;
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number];

export const dataBackupSchema = z.strictObject({
  /** Absolute path of the copy a restore would use. */
  file: z.string(),
  /** When that copy was written (its modification time), ISO 8601. */
  savedAt: z.iso.datetime(),
  /**
   * previous:  `<file>.bak`, the version before the last full save;
   * snapshot:  a copy in `backups/`, taken when Keyhaven last opened the file;
   * compacted: the data file itself without its damaged change journal (the last full save).
   */
  kind: z.enum(['previous', 'snapshot', 'compacted']),
});
export type DataBackup = z.infer<typeof dataBackupSchema>;

export const dataProblemSchema = z.strictObject({
  part: dataPartSchema,
  /** damaged: unreadable or inconsistent; newer: from a newer Keyhaven; busy: locked by another process; io: the disk said no. */
  kind: z.enum(['damaged', 'newer', 'busy', 'io']),
  /** Absolute path of the file that failed (the data file or its change journal). */
  file: z.string(),
  /** What is wrong, in one sentence for people. Never file contents. */
  summary: z.string(),
  /** The newest copy that opens cleanly, or null when there is none. */
  backup: dataBackupSchema.nullable(),
  actions: z.array(z.enum(RECOVERY_ACTIONS)),
});
export type DataProblem = z.infer<typeof dataProblemSchema>;

export const recoveryInputSchema = z.strictObject({ part: dataPartSchema });
export const startEmptyInputSchema = z.strictObject({ part: optionalDataPartSchema });
