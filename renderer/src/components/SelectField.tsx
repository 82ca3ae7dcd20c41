import type { ChangeEvent, ReactNode } from 'react';
import { FieldMessages, useFieldIds } from './field-parts';
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
  /** When another input decides the value (Check a key: a pasted header line names its scheme). */
  disabled?: boolean;
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
  disabled,
  ref,
}: SelectFieldProps<V>) {
  const ids = useFieldIds({ hint, error, ...(className ? { className } : {}) });
  return (
    <div className={ids.className}>
      <label htmlFor={ids.id} className="text-field__label">
        {label}
      </label>
      <select
        id={ids.id}
        ref={ref}
        name={name}
        value={value}
        disabled={disabled}
        className="text-field__input text-field__select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages ids={ids} hint={hint} error={error} />
    </div>
  );
}
