import { useId, type ChangeEvent, type ReactNode } from 'react';
import './TextField.css';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  hint?: ReactNode;
  error?: string | undefined;
  name?: string;
  className?: string;
  ref?: (el: HTMLSelectElement | null) => void;
}

/** A labelled native select (keyboard and screen-reader behaviour for free), styled like TextField. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  name,
  className,
  ref,
}: SelectFieldProps<V>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['text-field', error ? 'text-field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="text-field__label">
        {label}
      </label>
      <select
        id={id}
        ref={ref}
        name={name}
        value={value}
        className="text-field__input text-field__select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
