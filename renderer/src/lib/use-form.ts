import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { FieldErrors } from './validate';

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * Field values, touched state and messages for a small form. Client messages show after a field was
 * left or once the user tried to submit; a server message for a field (CONFLICT) shows at once and
 * clears when the field changes. Values are never reset by an error.
 */
export function useForm<F extends string>(
  fields: readonly F[],
  initial: Record<F, string>,
  check: (values: Record<F, string>) => FieldErrors<F>,
) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<F>>({});
  const elements = useRef<Partial<Record<F, FieldElement | null>>>({});

  const errors = useMemo(() => check(values), [check, values]);

  const errorOf = (field: F): string | undefined =>
    serverErrors[field] ?? (submitted || touched[field] ? errors[field] : undefined);

  const focus = useCallback((field: F) => elements.current[field]?.focus(), []);

  const field = (name: F) => ({
    name,
    value: values[name],
    error: errorOf(name),
    ref: (el: FieldElement | null) => {
      elements.current[name] = el;
    },
    onChange: (event: ChangeEvent<FieldElement>) => {
      const value = event.target.value;
      setValues((v) => ({ ...v, [name]: value }));
      setServerErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
    },
    onBlur: () => setTouched((t) => (t[name] ? t : { ...t, [name]: true })),
  });

  /** Marks the form submitted; focuses the first invalid field and returns false if there is one. */
  const validateForSubmit = (): boolean => {
    setSubmitted(true);
    const first = fields.find((f) => errors[f]);
    if (first) {
      focus(first);
      return false;
    }
    return true;
  };

  const setServerError = (name: F, message: string) => {
    setServerErrors((e) => ({ ...e, [name]: message }));
    focus(name);
  };

  return { values, field, validateForSubmit, setServerError, focus };
}
