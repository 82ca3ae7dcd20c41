import type { ChangeEvent, ReactNode } from 'react';
import { FieldMessages, useFieldIds } from './field-parts';
import './TextField.css';

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (event: ChangeEvent<FieldElement>) => void;
  onBlur?: () => void;
  hint?: ReactNode;
  error?: string | undefined;
  /**
   * The id of an element the caller shows `error` in, instead of under this field: one message under a
   * row of fields (a date and a time) that only the field at fault points to.
   */
  errorId?: string;
  multiline?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  /** Input type for single-line fields: a header value is a password field, a custom expiry a date. */
  type?: 'text' | 'password' | 'date' | 'time';
  min?: string;
  className?: string;
  ref?: (el: FieldElement | null) => void;
}

/** A labelled input (or textarea) whose hint and error are announced through aria-describedby. */
export function TextField({
  label,
  hint,
  error,
  errorId: sharedErrorId,
  multiline = false,
  type = 'text',
  className,
  ref,
  ...input
}: TextFieldProps) {
  const ids = useFieldIds({
    hint,
    error,
    ...(sharedErrorId ? { errorId: sharedErrorId } : {}),
    ...(className ? { className } : {}),
  });
  const shared = {
    id: ids.id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.describedBy,
    className: 'text-field__input',
    spellCheck: false,
    autoComplete: 'off',
    ...input,
  };
  return (
    <div className={ids.className}>
      <label htmlFor={ids.id} className="text-field__label">
        {label}
      </label>
      {multiline ? <textarea rows={3} ref={ref} {...shared} /> : <input type={type} ref={ref} {...shared} />}
      <FieldMessages ids={ids} hint={hint} error={error} errorShownElsewhere={sharedErrorId !== undefined} />
    </div>
  );
}
