import { z } from 'zod';
import { idSchema, isoDateSchema } from './text';

/**
 * What stands between someone at the user's desk and a vault (issue 14): the optional Keyhaven
 * passphrase, Touch ID on a Mac, or nothing but the OS login; and how long until everything locks.
 */
export const PASSPHRASE_MIN = 10;
export const PASSPHRASE_MAX = 1024;

const enteredPassphrase = z
  .string({ error: 'Enter your Keyhaven passphrase.' })
  .min(1, { error: 'Enter your Keyhaven passphrase.' })
  .max(PASSPHRASE_MAX, { error: 'A passphrase can be at most 1,024 characters.' });

const newPassphrase = z
  .string({ error: 'Choose a passphrase.' })
  .min(PASSPHRASE_MIN, {
    error: `Use at least ${PASSPHRASE_MIN} characters: a few words are easy to type and hard to guess.`,
  })
  .max(PASSPHRASE_MAX, { error: 'A passphrase can be at most 1,024 characters.' });

export const unlockVaultInputSchema = z.strictObject({
  vaultId: idSchema,
  /** Required when a Keyhaven passphrase is set (PASSPHRASE_REQUIRED otherwise). */
  passphrase: enteredPassphrase.optional(),
});

/** Sets the passphrase, or changes it (then `current` is required). */
export const setPassphraseInputSchema = z.strictObject({
  passphrase: newPassphrase,
  current: enteredPassphrase.optional(),
});

export const removePassphraseInputSchema = z.strictObject({ current: enteredPassphrase });

export const LOCK_PROTECTIONS = ['passphrase', 'touch-id', 'none'] as const;
export type LockProtection = (typeof LOCK_PROTECTIONS)[number];

export const lockStatusSchema = z.strictObject({
  /** What Unlock asks for. */
  protection: z.enum(LOCK_PROTECTIONS),
  passphraseSetAt: isoDateSchema.nullable(),
  unlockedVaults: z.number().int().nonnegative(),
  /** Seconds of idle time left before every vault locks; null when idle locking is off or nothing is open. */
  locksInSeconds: z.number().int().nonnegative().nullable(),
});
export type LockStatus = z.output<typeof lockStatusSchema>;
