import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { VerifyScheme } from '../../../../shared/catalogs/header-schemes';
import { createAppInputSchema, DEFAULT_APP_HEADER_SCHEME, type STARTING_SCOPES } from '../../../../shared/domain/app';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';
import { useApps } from '../../stores/apps-store';
import { HEADER_SCHEME_LABEL, HEADER_SCHEME_OPTIONS } from './header-scheme-options';
import { previewKeyPrefix } from './key-prefix-preview';

const FIELDS = ['name', 'description'] as const;
type Field = (typeof FIELDS)[number];
type StartingScopes = (typeof STARTING_SCOPES)[number];

const SCOPE_OPTIONS: { value: StartingScopes; label: string }[] = [
  { value: 'default', label: 'Cerby’s nine read and write scopes' },
  { value: 'none', label: 'No scopes (as atfinity and nexos.ai)' },
];

/** "+ New App" (Pyas): name, description, how its keys are sent, and whether its keys have scopes. */
export function NewAppDialog({ onClose }: { onClose: () => void }) {
  const apps = useApps((s) => s.apps);
  const create = useApps((s) => s.create);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [headerScheme, setHeaderScheme] = useState<VerifyScheme>(DEFAULT_APP_HEADER_SCHEME);
  const [scopes, setScopes] = useState<StartingScopes>('default');

  const check = useCallback((values: Record<Field, string>) => fieldErrors(createAppInputSchema, values, FIELDS), []);
  const form = useForm(FIELDS, { name: '', description: '' }, check);
  const taken = useMemo(() => new Set(apps.map((app) => app.keyPrefix)), [apps]);
  const prefix = previewKeyPrefix(form.values.name, taken);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || !form.validateForSubmit()) return;
    setSubmitting(true);
    setFailure(null);
    const description = form.values.description.trim();
    const result = await create({
      name: form.values.name,
      ...(description ? { description } : {}),
      headerScheme,
      scopes,
    });
    setSubmitting(false);
    if (!isFailure(result)) return onClose();
    if (result.code === 'CONFLICT') form.setServerError('name', result.message);
    else setFailure(result);
  };

  return (
    <Dialog
      title="New App"
      onClose={submitting ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={submitting}>
            {submitting ? 'Creating…' : 'Create app'}
          </Button>
        </>
      }
    >
      {failure ? (
        <Banner tone="danger" title="The app was not created">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField
        label="Name"
        {...form.field('name')}
        hint={
          <p className="prefix-preview">
            Key prefix:{' '}
            {prefix ? <code className="prefix-preview__value">{prefix}</code> : <span>taken from the name</span>}
          </p>
        }
      />
      <TextField label="Description (optional)" multiline {...form.field('description')} />
      <SelectField
        label={HEADER_SCHEME_LABEL}
        value={headerScheme}
        options={HEADER_SCHEME_OPTIONS}
        onChange={setHeaderScheme}
        hint="Shown with each new key, and given to it when you save it in a vault. Settings can change it."
      />
      <SelectField
        label="Scopes"
        value={scopes}
        options={SCOPE_OPTIONS}
        onChange={setScopes}
        hint={
          scopes === 'none'
            ? 'Keys will have a name and an expiration only. You can add scopes later in Settings.'
            : 'Settings lets you add, rename and remove them.'
        }
      />
    </Dialog>
  );
}
