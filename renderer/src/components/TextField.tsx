import { useId, type ChangeEvent, type ReactNode } from 'react';
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
  multiline = false,
  type = 'text',
  className,
  ref,
  ...input
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: 'text-field__input',
    spellCheck: false,
    autoComplete: 'off',
    ...input,
  };
  return (
    <div className={['text-field', error ? 'text-field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="text-field__label">
        {label}
      </label>
      {multiline ? <textarea rows={3} ref={ref} {...shared} /> : <input type={type} ref={ref} {...shared} />}
      {error ? (
        <p id={errorId} className="text-field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={hintId} className="text-field__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
