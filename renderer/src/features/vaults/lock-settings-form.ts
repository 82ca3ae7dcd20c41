import { vaultSettingsSchema, type VaultSettings } from '../../../../shared/domain/vault';
import '../../lib/zod-jitless';

/** The settings as the form holds them: numbers as typed. */
export interface LockSettingsValues {
  autoLockMinutes: string;
  lockOnScreenLock: boolean;
  clipboardClearSeconds: string;
}

export type LockSettingsErrors = Partial<Record<'autoLockMinutes' | 'clipboardClearSeconds', string>>;

export const valuesOf = (settings: VaultSettings): LockSettingsValues => ({
  autoLockMinutes: String(settings.autoLockMinutes),
  lockOnScreenLock: settings.lockOnScreenLock,
  clipboardClearSeconds: String(settings.clipboardClearSeconds),
});

/** What this form sets; the passphrase's fields belong to the passphrase's own dialog. */
const lockSettingsSchema = vaultSettingsSchema.pick({
  autoLockMinutes: true,
  lockOnScreenLock: true,
  clipboardClearSeconds: true,
});
type LockSettings = Pick<VaultSettings, 'autoLockMinutes' | 'lockOnScreenLock' | 'clipboardClearSeconds'>;

const WHOLE = /^\s*\d+\s*$/;
const MESSAGES = {
  autoLockMinutes: 'Enter a whole number of minutes (0 turns auto-lock off).',
  clipboardClearSeconds: 'Enter a whole number of seconds, from 5 to 600.',
};

/** The settings to save, or the message for each field that is wrong (the shared schema's words). */
export function parseLockSettings(
  values: LockSettingsValues,
): { settings: LockSettings } | { errors: LockSettingsErrors } {
  const errors: LockSettingsErrors = {};
  for (const field of ['autoLockMinutes', 'clipboardClearSeconds'] as const) {
    if (!WHOLE.test(values[field])) errors[field] = MESSAGES[field];
  }
  const parsed = lockSettingsSchema.safeParse({
    autoLockMinutes: Number(values.autoLockMinutes),
    lockOnScreenLock: values.lockOnScreenLock,
    clipboardClearSeconds: Number(values.clipboardClearSeconds),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'autoLockMinutes' || field === 'clipboardClearSeconds') && !errors[field]) {
        errors[field] = issue.message;
      }
    }
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { settings: parsed.data };
}
