import { useCallback, useState, type FormEvent } from 'react';
import { addScopeInputSchema, updateScopeInputSchema, type App, type Scope } from '../../../../shared/domain/app';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';
import { useApps } from '../../stores/apps-store';

const FIELDS = ['id', 'label', 'description'] as const;
type Field = (typeof FIELDS)[number];

interface ScopeFormProps {
  app: App;
  /** The scope to rename; without it the form adds a new scope. */
  scope?: Scope;
  onDone: () => void;
}

/** Add a scope (identifier, name, description) or rename one (its identifier stays: keys refer to it). */
export function ScopeForm({ app, scope, onDone }: ScopeFormProps) {
  const addScope = useApps((s) => s.addScope);
  const updateScope = useApps((s) => s.updateScope);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const renaming = scope !== undefined;

  const check = useCallback(
    (values: Record<Field, string>) =>
      renaming
        ? fieldErrors(
            updateScopeInputSchema,
            { appId: app.id, scopeId: values.id, label: values.label, description: values.description },
            FIELDS,
          )
        : fieldErrors(addScopeInputSchema, { appId: app.id, ...values }, FIELDS),
    [app.id, renaming],
  );
  const form = useForm(
    FIELDS,
    { id: scope?.id ?? '', label: scope?.label ?? '', description: scope?.description ?? '' },
    check,
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    if (saving || !form.validateForSubmit()) return;
    setSaving(true);
    setFailure(null);
    const { id, label, description } = form.values;
    const result = renaming
      ? await updateScope({ appId: app.id, scopeId: scope.id, label, description })
      : await addScope({ appId: app.id, id, label, description });
    setSaving(false);
    if (!isFailure(result)) return onDone();
    if (result.code !== 'CONFLICT') return setFailure(result);
    // A clash is with an existing identifier or an existing name: the catalog tells which.
    const idTaken = !renaming && app.scopes.some((s) => s.id === id.trim());
    form.setServerError(idTaken ? 'id' : 'label', result.message);
  };

  return (
    <form
      className="scope-form"
      noValidate
      aria-label={renaming ? `Rename scope ${scope.id}` : 'Add scope'}
      onSubmit={(event) => void submit(event)}
    >
      {failure ? (
        <Banner tone="danger" title={renaming ? 'The scope was not renamed' : 'The scope was not added'}>
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      {renaming ? (
        <p className="muted">
          Identifier <code>{scope.id}</code> stays the same: keys refer to it.
        </p>
      ) : (
        <TextField
          label="Identifier"
          placeholder="read:items"
          hint="Lowercase words and underscores around one colon, like read:items."
          autoFocus
          {...form.field('id')}
        />
      )}
      <TextField label="Scope name" placeholder="Read items" autoFocus={renaming} {...form.field('label')} />
      <TextField label="Scope description (optional)" {...form.field('description')} />
      <div className="scope-form__actions">
        <Button onClick={onDone} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving}>
          {saving ? 'Saving…' : renaming ? 'Save scope' : 'Add scope'}
        </Button>
      </div>
    </form>
  );
}
