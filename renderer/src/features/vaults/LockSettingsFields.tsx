import { Banner } from '../../components/Banner';
import { TextField } from '../../components/TextField';
import type { LockSettingsErrors, LockSettingsValues } from './lock-settings-form';

interface LockSettingsFieldsProps {
  values: LockSettingsValues;
  errors: LockSettingsErrors;
  onChange: (patch: Partial<LockSettingsValues>) => void;
}

export const NEVER_LOCK_WARNING =
  'With 0, vaults stay unlocked while you are away, until you lock them or the screen locks. Anyone at this computer can then show and copy your keys.';

export function LockSettingsFields({ values, errors, onChange }: LockSettingsFieldsProps) {
  const never = values.autoLockMinutes.trim() === '0';
  return (
    <>
      <TextField
        label="Auto-lock after (minutes of inactivity)"
        name="autoLockMinutes"
        autoFocus
        value={values.autoLockMinutes}
        error={errors.autoLockMinutes}
        hint="0 means never. At most 1,440 minutes (a day)."
        onChange={(event) => onChange({ autoLockMinutes: event.target.value })}
      />
      {never ? (
        <Banner tone="warning" role="note" title="Vaults will not lock on their own">
          <p>{NEVER_LOCK_WARNING}</p>
        </Banner>
      ) : null}
      <label className="lock-settings__check">
        <input
          type="checkbox"
          checked={values.lockOnScreenLock}
          onChange={(event) => onChange({ lockOnScreenLock: event.target.checked })}
        />
        Lock when the screen locks or the computer sleeps
      </label>
      <TextField
        label="Clear the clipboard after (seconds)"
        name="clipboardClearSeconds"
        value={values.clipboardClearSeconds}
        error={errors.clipboardClearSeconds}
        hint="From 5 to 600. Keyhaven clears it only if it still holds the key it copied."
        onChange={(event) => onChange({ clipboardClearSeconds: event.target.value })}
      />
    </>
  );
}
