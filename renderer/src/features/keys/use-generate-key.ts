import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { generateKeyInputSchema, type GeneratedKey } from '../../../../shared/domain/issued-key';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';

const FIELDS = ['name'] as const;

/**
 * The "name the key" form: validates with the contract's own schema, calls keys.generate once, and
 * hands the result (plaintext included) to `onGenerated`, which must keep it in local state only.
 */
export function useGenerateKeyForm(appId: string, onGenerated: (generated: GeneratedKey) => void) {
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const busy = useRef(false);
  const failureRef = useRef<HTMLDivElement>(null);
  const check = useCallback(
    (values: { name: string }) => fieldErrors(generateKeyInputSchema, { appId, ...values }, FIELDS),
    [appId],
  );
  const form = useForm(FIELDS, { name: '' }, check);

  // When the clicked button was disabled while submitting, focus fell out; bring it to the message.
  useEffect(() => {
    if (failure && (document.activeElement === document.body || document.activeElement === null)) {
      failureRef.current?.focus();
    }
  }, [failure]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current || !form.validateForSubmit()) return;
    busy.current = true;
    setSubmitting(true);
    setFailure(null);
    const result = await client.keys.generate({ appId, name: form.values.name });
    busy.current = false;
    setSubmitting(false);
    if (!isFailure(result)) return onGenerated(result);
    if (result.code === 'INVALID_INPUT' && result.message.startsWith('name: ')) {
      form.setServerError('name', result.message.slice('name: '.length));
    } else {
      setFailure(result);
    }
  };

  return { form, submit, submitting, failure, failureRef };
}
