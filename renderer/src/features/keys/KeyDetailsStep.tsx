import { useEffect } from 'react';
import { Banner } from '../../components/Banner';
import { TextField } from '../../components/TextField';
import type { ApiFailure } from '../../api/client';
import { ExpirationField } from './ExpirationField';
import type { KeyWizard } from './use-key-wizard';

export const FAILURE_TITLES: Partial<Record<ApiFailure['code'], string>> = {
  KEYCHAIN_UNAVAILABLE: 'The system keychain is unavailable',
  KEYCHAIN_DATA_MISSING: 'The secret that checks your keys is missing',
};

/** A failure of the generate call, focusable so keyboard users land on it. */
export function WizardFailure({ wizard }: { wizard: KeyWizard }) {
  const { failure, failureRef } = wizard;
  if (!failure) return null;
  return (
    <div ref={failureRef} tabIndex={-1} className="focus-target">
      <Banner tone="danger" title={FAILURE_TITLES[failure.code] ?? 'The API key was not generated'}>
        <p>{failure.message}</p>
      </Banner>
    </div>
  );
}

/** Step 1: the key's name and how long it lives. */
export function KeyDetailsStep({ wizard }: { wizard: KeyWizard }) {
  const { focus } = wizard.form;
  // Opening the wizard, or coming Back from the scopes: continue at the name.
  useEffect(() => focus('name'), [focus]);
  return (
    <>
      <WizardFailure wizard={wizard} />
      <TextField
        label="API key name"
        hint='A name you will recognise later, for example "Production" or "CI pipeline".'
        {...wizard.form.field('name')}
      />
      <ExpirationField wizard={wizard} />
    </>
  );
}
