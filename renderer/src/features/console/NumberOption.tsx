import { useId, useState } from 'react';

interface NumberOptionProps {
  label: string;
  min: number;
  max: number;
  value: number;
  /** Called with each whole number in range the user types; anything else is not applied. */
  onValid: (value: number) => void;
}

/**
 * A small whole-number option under the request (timeout, response cap). The text is the user's
 * while typing; only an in-range value reaches the request, and leaving the field shows the value in
 * effect again, so the request sent is always one main accepts.
 */
export function NumberOption({ label, min, max, value, onValid }: NumberOptionProps) {
  const [text, setText] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const typed = text === null ? null : Number(text);
  const invalid = typed !== null && !(Number.isInteger(typed) && typed >= min && typed <= max);
  return (
    <span className="console-editor__number">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="number"
        min={min}
        max={max}
        value={text ?? String(value)}
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        onChange={(event) => {
          setText(event.target.value);
          const next = Number(event.target.value);
          if (event.target.value !== '' && Number.isInteger(next) && next >= min && next <= max) onValid(next);
        }}
        onBlur={() => setText(null)}
      />
      <span id={hintId} className={invalid ? 'console-editor__hint console-editor__hint--bad' : 'console-editor__hint'}>
        {min}–{max}
      </span>
    </span>
  );
}
