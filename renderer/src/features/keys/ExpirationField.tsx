import { CalendarClock } from 'lucide-react';
import { useId } from 'react';
import { Banner } from '../../components/Banner';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useNow } from '../../lib/use-now';
import { PresetEnd } from './PresetEnd';
import { EXPIRATION_OPTIONS, localDateOf, NEVER_WARNING } from './expiration-choice';
import type { KeyWizard } from './use-key-wizard';

/**
 * "Expiration time": a preset, Custom (a local date and time), or Never (with GitHub's warning). The
 * custom date and time sit side by side with one message under both, described by the input at fault:
 * the date when it is missing or past, the time when it is missing or already past today.
 */
export function ExpirationField({ wizard }: { wizard: KeyWizard }) {
  const { choice, setChoice, form } = wizard;
  const date = form.field('customDate');
  const time = form.field('customTime');
  const errorId = useId();
  const now = useNow(60_000); // the earliest date stays today's, also past midnight
  const error = date.error ?? time.error;
  return (
    <div className="expiration">
      <SelectField
        label="Expiration time"
        name="expiration"
        value={choice}
        options={EXPIRATION_OPTIONS}
        onChange={setChoice}
        hint={<PresetEnd choice={choice} />}
      />
      {choice === 'custom' ? (
        <fieldset className="expiration__custom">
          <legend className="expiration__legend">
            <CalendarClock size={16} aria-hidden="true" /> Expires on (your local time)
          </legend>
          <TextField label="Date" type="date" min={localDateOf(now)} errorId={errorId} {...date} />
          <TextField label="Time" type="time" errorId={errorId} {...time} />
          {error ? (
            <p id={errorId} className="text-field__error expiration__error">
              {error}
            </p>
          ) : null}
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
