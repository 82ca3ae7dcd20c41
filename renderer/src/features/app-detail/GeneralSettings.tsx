import { useCallback, useState, type FormEvent } from 'react';
import type { VerifyScheme } from '../../../../shared/catalogs/header-schemes';
import { updateAppInputSchema, type App, type UpdateAppInput } from '../../../../shared/domain/app';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';
import { useApps } from '../../stores/apps-store';
import { HEADER_SCHEME_LABEL, HEADER_SCHEME_OPTIONS } from '../apps/header-scheme-options';

const FIELDS = ['name', 'description', 'keyPrefix'] as const;
type Field = (typeof FIELDS)[number];

/** Only what changed goes to the core, so an untouched field can never clash with another app. */
function changesOf(app: App, values: Record<Field, string>, headerScheme: VerifyScheme): Omit<UpdateAppInput, 'appId'> {
  const changes: Omit<UpdateAppInput, 'appId'> = {};
  if (headerScheme !== app.headerScheme) changes.headerScheme = headerScheme;
  if (values.name.trim() !== app.name) changes.name = values.name;
  if (values.description.trim() !== app.description) changes.description = values.description;
  if (values.keyPrefix.trim() !== app.keyPrefix) changes.keyPrefix = values.keyPrefix;
  return changes;
}

/** Settings → General: name, description, key prefix and how keys are sent, saved together. */
export function GeneralSettings({ app }: { app: App }) {
  const update = useApps((s) => s.update);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState('');
  const [headerScheme, setHeaderScheme] = useState<VerifyScheme>(app.headerScheme);
  const check = useCallback(
    (values: Record<Field, string>) => fieldErrors(updateAppInputSchema, { appId: app.id, ...values }, FIELDS),
    [app.id],
  );
  const form = useForm(FIELDS, { name: app.name, description: app.description, keyPrefix: app.keyPrefix }, check);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice('');
    if (saving || !form.validateForSubmit()) return;
    const changes = changesOf(app, form.values, headerScheme);
    if (Object.keys(changes).length === 0) return setNotice('Nothing to save: no field was changed.');
    setSaving(true);
    setFailure(null);
    const result = await update({ appId: app.id, ...changes });
    setSaving(false);
    if (!isFailure(result)) return setNotice('Changes saved.');
    // Two fields can clash with another app; when only one of them changed, the clash is that one.
    const clashing = (['name', 'keyPrefix'] as const).filter((field) => field in changes);
    const [only] = clashing;
    if (result.code === 'CONFLICT' && clashing.length === 1 && only) form.setServerError(only, result.message);
    else setFailure(result);
  };

  return (
    <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
      {failure ? (
        <Banner tone="danger" title="The changes were not saved">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <TextField label="Name" {...form.field('name')} />
      <TextField label="Description" multiline {...form.field('description')} />
      <TextField
        label="Key prefix"
        {...form.field('keyPrefix')}
        hint={
          <>
            Keys already issued keep their prefix. New keys will look like{' '}
            <code>{form.values.keyPrefix.trim() || app.keyPrefix}_XXXXXXXX.…</code>
          </>
        }
      />
      <SelectField
        label={HEADER_SCHEME_LABEL}
        value={headerScheme}
        options={HEADER_SCHEME_OPTIONS}
        onChange={setHeaderScheme}
        hint="Shown with each new key and given to it when you save it in a vault. Keys saved before keep theirs."
      />
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" busy={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </Button>
        <p role="status" className="settings-form__notice">
          {notice}
        </p>
      </div>
    </form>
  );
}
