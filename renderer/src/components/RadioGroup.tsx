import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './RadioGroup.css';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  /** Shown under the label, e.g. why the option is disabled. */
  note?: ReactNode;
  disabled?: boolean;
}

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
}

const NEXT: Record<string, 1 | -1> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * Native radios in a fieldset: one Tab stop (the checked radio); the arrow keys move to the next
 * enabled option and select it, skipping disabled ones, wrapping at the ends.
 */
export function RadioGroup<V extends string>({ legend, name, value, options, onChange }: RadioGroupProps<V>) {
  const id = useId();
  const inputs = useRef(new Map<V, HTMLInputElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const step = NEXT[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const enabled = options.filter((o) => !o.disabled);
    const at = enabled.findIndex((o) => o.value === value);
    const next = enabled[(at + step + enabled.length) % enabled.length];
    if (!next) return;
    onChange(next.value);
    inputs.current.get(next.value)?.focus();
  };

  return (
    <fieldset className="radio-group" onKeyDown={onKeyDown}>
      <legend className="radio-group__legend">{legend}</legend>
      {options.map((option) => {
        const inputId = `${id}-${option.value}`;
        const noteId = `${inputId}-note`;
        return (
          <div
            key={option.value}
            className={`radio-group__option${option.disabled ? ' radio-group__option--disabled' : ''}`}
          >
            <input
              ref={(el) => {
                if (el) inputs.current.set(option.value, el);
                else inputs.current.delete(option.value);
              }}
              type="radio"
              id={inputId}
              name={name}
              value={option.value}
              checked={option.value === value}
              disabled={option.disabled}
              aria-describedby={option.note ? noteId : undefined}
              tabIndex={option.value === value ? 0 : -1}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={inputId} className="radio-group__label">
              {option.label}
            </label>
            {option.note ? (
              <span id={noteId} className="radio-group__note">
                {option.note}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
