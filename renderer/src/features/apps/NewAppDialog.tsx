import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { createAppInputSchema } from '../../../../shared/domain/app';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useForm } from '../../lib/use-form';
import { fieldErrors } from '../../lib/validate';
import { useApps } from '../../stores/apps-store';
import { previewKeyPrefix } from './key-prefix-preview';

const FIELDS = ['name', 'description'] as const;
type Field = (typeof FIELDS)[number];

export function NewAppDialog({ onClose }: { onClose: () => void }) {
  const apps = useApps((s) => s.apps);
  const create = useApps((s) => s.create);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

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
    const result = await create({ name: form.values.name, ...(description ? { description } : {}) });
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
    </Dialog>
  );
}
