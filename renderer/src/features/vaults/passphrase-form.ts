import { removePassphraseInputSchema, setPassphraseInputSchema } from '../../../../shared/domain/vault-lock';
import '../../lib/zod-jitless';

/** Set a passphrase (none yet), change it, or remove it. */
export type PassphraseMode = 'set' | 'change' | 'remove';

export interface PassphraseValues {
  current: string;
  passphrase: string;
  confirm: string;
}
export type PassphraseField = keyof PassphraseValues;
export type PassphraseErrors = Partial<Record<PassphraseField, string>>;

export const EMPTY_PASSPHRASE_VALUES: PassphraseValues = { current: '', passphrase: '', confirm: '' };
export const MISMATCH = 'The two passphrases are not the same. Type the new one again.';

/** The fields each mode asks for, in order (the first with an error gets focus). */
export const FIELDS_OF: Record<PassphraseMode, readonly PassphraseField[]> = {
  set: ['passphrase', 'confirm'],
  change: ['current', 'passphrase', 'confirm'],
  remove: ['current'],
};

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

/** Each field's problem, in the shared schema's words, before anything is sent. */
export function checkPassphraseForm(mode: PassphraseMode, values: PassphraseValues): PassphraseErrors {
  const errors: PassphraseErrors = {};
  const fields = FIELDS_OF[mode];
  if (fields.includes('current')) {
    errors.current = messageOf(removePassphraseInputSchema.shape.current.safeParse(values.current));
  }
  if (fields.includes('passphrase')) {
    errors.passphrase = messageOf(setPassphraseInputSchema.shape.passphrase.safeParse(values.passphrase));
    if (!errors.passphrase && values.confirm !== values.passphrase) errors.confirm = MISMATCH;
  }
  for (const field of fields) if (!errors[field]) delete errors[field];
  return errors;
}
