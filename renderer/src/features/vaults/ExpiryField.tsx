import type { ChangeEvent } from 'react';
import { FieldMessages, useFieldIds } from '../../components/field-parts';
import { formatAbsolute } from '../../lib/time';
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

export const ISSUED_EXPIRY_NOTE = 'Follows the issued key: Keyhaven updates it when the key is rotated.';

/**
 * "Expires" of a key issued by Keyhaven, read-only: it is the issued key's own expiry, which main
 * keeps in step (a rotation moves it), so an edit here could only make the two disagree.
 */
export function IssuedExpiry({ expiresAt }: { expiresAt: string | null }) {
  const ids = useFieldIds({ hint: ISSUED_EXPIRY_NOTE });
  return (
    <div className={ids.className}>
      <label htmlFor={ids.id} className="text-field__label">
        Expires
      </label>
      <input
        id={ids.id}
        type="text"
        readOnly
        className="text-field__input text-field__input--readonly"
        value={expiresAt === null ? 'No expiry' : formatAbsolute(expiresAt)}
        aria-describedby={ids.describedBy}
      />
      <FieldMessages ids={ids} hint={ISSUED_EXPIRY_NOTE} />
    </div>
  );
}
