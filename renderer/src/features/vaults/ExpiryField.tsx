import type { ChangeEvent } from 'react';
import { FieldMessages, useFieldIds } from '../../components/field-parts';
import '../../components/TextField.css';

interface ExpiryFieldProps {
  name: string;
  value: string;
  error?: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  ref: (el: HTMLInputElement | null) => void;
}

/**
 * "Expires (optional)": one local date and time, as the service that issued the key stated it. A past
 * date is allowed: the key may already have expired, and the table then says so.
 */
export function ExpiryField({ error, ref, ...input }: ExpiryFieldProps) {
  const hint = 'In your local time. Leave it empty if the key does not expire.';
  const ids = useFieldIds({ hint, error });
  return (
    <div className={ids.className}>
      <label htmlFor={ids.id} className="text-field__label">
        Expires (optional)
      </label>
      <input
        id={ids.id}
        ref={ref}
        type="datetime-local"
        className="text-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <FieldMessages ids={ids} hint={hint} error={error} />
    </div>
  );
}
