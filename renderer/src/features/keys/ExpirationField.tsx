import { CalendarClock } from 'lucide-react';
import { Banner } from '../../components/Banner';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { EXPIRATION_OPTIONS, NEVER_WARNING } from './expiration-choice';
import type { KeyWizard } from './use-key-wizard';

const todayLocal = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** "Expiration time": a preset, Custom (a local date and time), or Never (with GitHub's warning). */
export function ExpirationField({ wizard }: { wizard: KeyWizard }) {
  const { choice, setChoice, form } = wizard;
  const date = form.field('customDate');
  const time = form.field('customTime');
  return (
    <div className="expiration">
      <SelectField
        label="Expiration time"
        name="expiration"
        value={choice}
        options={EXPIRATION_OPTIONS}
        onChange={setChoice}
        hint="A preset counts from the moment the key is generated."
      />
      {choice === 'custom' ? (
        <fieldset className="expiration__custom">
          <legend className="expiration__legend">
            <CalendarClock size={16} aria-hidden="true" /> Expires on (your local time)
          </legend>
          <TextField label="Date" type="date" min={todayLocal()} {...date} />
          <TextField label="Time" type="time" {...time} />
        </fieldset>
      ) : null}
      {choice === 'never' ? (
        <Banner tone="warning" role="note" title="This key never expires">
          <p>{NEVER_WARNING}</p>
        </Banner>
      ) : null}
    </div>
  );
}
