import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { generateKeyInputSchema, type GeneratedKey } from '../../../../shared/domain/issued-key';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { useForm } from '../../lib/use-form';
import { fieldErrors, type FieldErrors } from '../../lib/validate';
import { customExpiryError, DEFAULT_EXPIRATION, toExpiration, type ExpirationChoice } from './expiration-choice';

const FIELDS = ['name', 'customDate', 'customTime'] as const;
type Field = (typeof FIELDS)[number];

export type WizardStep = 'details' | 'scopes';

/**
 * The generation wizard's input and its form steps: name and expiration, then scopes — or, for an app
 * with no scopes (atfinity, nexos.ai), name and expiration only, whose submit generates. Validates
 * with the contract's own schema, calls keys.generate once, and hands the result (plaintext included)
 * to `onGenerated`, which must keep it in local state only. Back never loses input.
 */
export function useKeyWizard(appId: string, hasScopes: boolean, onGenerated: (generated: GeneratedKey) => void) {
  const [step, setStep] = useState<WizardStep>('details');
  const [choice, setChoice] = useState<ExpirationChoice>(DEFAULT_EXPIRATION);
  const [scopes, setScopes] = useState<readonly string[]>([]);
  const [noScopes, setNoScopes] = useState(false);
  const [scopesTried, setScopesTried] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const busy = useRef(false);
  const failureRef = useRef<HTMLDivElement>(null);
  /** The first scope checkbox (or the "no scopes" box): where focus goes when step 2 is incomplete. */
  const firstScopeRef = useRef<HTMLInputElement>(null);

  const check = useCallback(
    (values: Record<Field, string>): FieldErrors<Field> => {
      const errors = fieldErrors(generateKeyInputSchema, { appId, name: values.name }, ['name'] as const);
      if (choice !== 'custom') return errors;
      const custom = customExpiryError(values.customDate, values.customTime, Date.now());
      if (!custom) return errors;
      return { ...errors, [custom.field === 'date' ? 'customDate' : 'customTime']: custom.message };
    },
    [appId, choice],
  );
  const form = useForm(FIELDS, { name: '', customDate: '', customTime: '' }, check);

  const input = () => ({
    appId,
    name: form.values.name,
    expiration: toExpiration(choice, form.values.customDate, form.values.customTime),
    scopes: [...scopes],
    // An app without scopes issues keys without any: the explicit choice is the app's, made once.
    ...(noScopes || !hasScopes ? { noScopes: true } : {}),
  });
  const scopesError = fieldErrors(generateKeyInputSchema, input(), ['scopes'] as const).scopes;

  // When the clicked button was disabled while submitting, focus fell out; bring it to the message.
  useEffect(() => {
    if (failure && (document.activeElement === document.body || document.activeElement === null)) {
      failureRef.current?.focus();
    }
  }, [failure]);

  const next = () => {
    if (!form.validateForSubmit()) return;
    setFailure(null);
    setStep('scopes');
  };

  const back = () => {
    setFailure(null);
    setStep('details');
  };

  const generate = async () => {
    setScopesTried(true);
    if (busy.current) return false;
    if (scopesError) {
      firstScopeRef.current?.focus();
      return false;
    }
    busy.current = true;
    setSubmitting(true);
    setFailure(null);
    const result = await client.keys.generate(input());
    busy.current = false;
    setSubmitting(false);
    if (!isFailure(result)) {
      onGenerated(result);
      return true;
    }
    // Main names the field a failure belongs to; the name is on step 1, so go back to show it there.
    if (result.field === 'name') {
      setStep('details');
      form.setServerError('name', result.message);
    } else {
      setFailure(result);
    }
    return false;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step === 'scopes') void generate();
    else if (hasScopes) next();
    else if (form.validateForSubmit()) void generate();
  };

  return {
    step,
    form,
    choice,
    setChoice,
    scopes,
    setScopes,
    noScopes,
    setNoScopes,
    scopesError: scopesTried ? scopesError : undefined,
    submit,
    back,
    submitting,
    failure,
    failureRef,
    firstScopeRef,
  };
}

export type KeyWizard = ReturnType<typeof useKeyWizard>;
