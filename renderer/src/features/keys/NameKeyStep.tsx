import type { RefObject } from 'react';
import type { ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { TextField } from '../../components/TextField';
import type { useGenerateKeyForm } from './use-generate-key';

const FAILURE_TITLES: Partial<Record<ApiFailure['code'], string>> = {
  KEYCHAIN_UNAVAILABLE: 'The system keychain is unavailable',
  KEYCHAIN_DATA_MISSING: 'The secret that checks your keys is missing',
};

interface NameKeyStepProps {
  form: ReturnType<typeof useGenerateKeyForm>['form'];
  failure: ApiFailure | null;
  failureRef: RefObject<HTMLDivElement | null>;
}

/** Step 1: the key's name. The wizard's later fields (expiration, then scopes) come after it. */
export function NameKeyStep({ form, failure, failureRef }: NameKeyStepProps) {
  return (
    <>
      {failure ? (
        <div ref={failureRef} tabIndex={-1} className="focus-target">
          <Banner tone="danger" title={FAILURE_TITLES[failure.code] ?? 'The API key was not generated'}>
            <p>{failure.message}</p>
          </Banner>
        </div>
      ) : null}
      <TextField
        label="API key name"
        hint='A name you will recognise later, for example "Production" or "CI pipeline".'
        {...form.field('name')}
      />
    </>
  );
}
