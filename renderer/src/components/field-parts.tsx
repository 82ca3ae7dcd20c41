import { useId, type ReactNode } from 'react';

export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
  /** For aria-describedby: the hint and the error, when shown. */
  describedBy: string | undefined;
  className: string;
}

/** The ids and classes every labelled field wires the same way (TextField, SelectField). */
export function useFieldIds(opts: {
  hint?: ReactNode;
  error?: string | undefined;
  errorId?: string;
  className?: string;
}): FieldIds {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = opts.errorId ?? `${id}-error`;
  return {
    id,
    hintId,
    errorId,
    describedBy: [opts.hint ? hintId : null, opts.error ? errorId : null].filter(Boolean).join(' ') || undefined,
    className: ['text-field', opts.error ? 'text-field--invalid' : null, opts.className].filter(Boolean).join(' '),
  };
}

/** The error (unless shown elsewhere) and the hint under a field, with the ids aria-describedby names. */
export function FieldMessages({
  ids,
  hint,
  error,
  errorShownElsewhere = false,
}: {
  ids: FieldIds;
  hint?: ReactNode;
  error?: string | undefined;
  errorShownElsewhere?: boolean;
}) {
  return (
    <>
      {error && !errorShownElsewhere ? (
        <p id={ids.errorId} className="text-field__error">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={ids.hintId} className="text-field__hint">
          {hint}
        </div>
      ) : null}
    </>
  );
}
