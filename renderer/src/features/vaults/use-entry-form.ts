import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { HeaderScheme, ServicePresetId } from '../../../../shared/catalogs/service-presets';
import { parsePastedKey } from '../../../../shared/domain/pasted-key';
import { secretSchema } from '../../../../shared/domain/vault';
import type { FieldErrors } from '../../lib/validate';
import { ENTRY_FIELDS, withPreset, type EntryField, type EntryFormValues } from './entry-form';
import { entryFormErrors } from './entry-form-errors';

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The Add key / Edit form: values, messages (after a field was left or a submit was tried; a message
 * from main at once), and the pasted-key recognition: a key pasted with its header sets the scheme.
 * In Edit the key field is optional: empty keeps the current key.
 */
export function useEntryForm(initial: EntryFormValues, mode: 'add' | 'edit') {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<EntryField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<EntryField>>({});
  const [recognised, setRecognised] = useState<HeaderScheme | null>(null);
  const elements = useRef<Partial<Record<EntryField, FieldElement | null>>>({});

  const errors = useMemo(() => {
    const found = entryFormErrors(values, mode);
    if (mode === 'edit' && values.secret.trim() !== '') {
      const key = secretSchema.safeParse(parsePastedKey(values.secret).key);
      if (!key.success) found.secret = key.error.issues[0]?.message ?? 'Paste the key.';
    }
    return found;
  }, [values, mode]);

  const errorOf = (field: EntryField): string | undefined =>
    serverErrors[field] ?? (submitted || touched[field] ? errors[field] : undefined);

  const update = (field: EntryField, change: (v: EntryFormValues) => EntryFormValues) => {
    setValues(change);
    setServerErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const setSecret = (text: string) => {
    const scheme = parsePastedKey(text).scheme;
    // Only a newly recognised header sets the scheme, so a scheme picked by hand afterwards stays.
    const changed = scheme?.kind !== recognised?.kind;
    setRecognised(scheme);
    update('secret', (v) =>
      scheme && changed ? { ...v, secret: text, schemeKind: scheme.kind, schemeName: '' } : { ...v, secret: text },
    );
  };

  const field = (name: Exclude<EntryField, 'preset' | 'schemeKind'>) => ({
    name,
    value: values[name],
    error: errorOf(name),
    ref: (el: FieldElement | null) => {
      elements.current[name] = el;
    },
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = event.target.value;
      if (name === 'secret') setSecret(value);
      else update(name, (v) => ({ ...v, [name]: value }));
    },
    onBlur: () => setTouched((t) => (t[name] ? t : { ...t, [name]: true })),
  });

  const select = <F extends 'preset' | 'schemeKind'>(name: F) => ({
    name,
    value: values[name],
    error: errorOf(name),
    ref: (el: FieldElement | null) => {
      elements.current[name] = el;
    },
    onChange: (value: EntryFormValues[F]) =>
      update(name, (v) => (name === 'preset' ? withPreset(v, value as ServicePresetId) : { ...v, [name]: value })),
  });

  /** Marks the form submitted; focuses the first field with a message and returns false if there is one. */
  const validateForSubmit = (): boolean => {
    setSubmitted(true);
    const first = ENTRY_FIELDS.find((f) => errors[f]);
    if (first) {
      elements.current[first]?.focus();
      return false;
    }
    return true;
  };

  const setServerError = (name: EntryField, message: string) => {
    setServerErrors((e) => ({ ...e, [name]: message }));
    elements.current[name]?.focus();
  };

  return { values, field, select, recognised, validateForSubmit, setServerError };
}

export type EntryForm = ReturnType<typeof useEntryForm>;
