import { entryMetadataSchema, newEntryInputSchema, updateEntryInputSchema } from '../../../../shared/domain/vault';
import type { FieldErrors } from '../../lib/validate';
import '../../lib/zod-jitless';
import { metadataOf, toNewEntryInput, type EntryField, type EntryFormValues } from './entry-form';

/** Where a message from the shared schemas belongs in the form. */
const FIELD_OF: Record<string, EntryField> = {
  name: 'name',
  secret: 'secret',
  service: 'service',
  scheme: 'schemeName',
  baseUrl: 'baseUrl',
  allowedHosts: 'allowedHosts',
  tags: 'tags',
  notes: 'notes',
  expiresAt: 'expiresAt',
};

const EXPIRY_MESSAGE = 'Enter a date and time, or leave the expiry empty.';

/** The same checks main runs, with one message per field. No message ever repeats the key. */
export function entryFormErrors(values: EntryFormValues, mode: 'add' | 'edit'): FieldErrors<EntryField> {
  const input =
    mode === 'add'
      ? toNewEntryInput('00000000-0000-4000-8000-000000000000', values)
      : { entryId: '00000000-0000-4000-8000-000000000000', ...metadataOf(values) };
  const parsed = (mode === 'add' ? newEntryInputSchema : updateEntryInputSchema).safeParse(input);
  const errors: FieldErrors<EntryField> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field && !errors[field]) errors[field] = field === 'expiresAt' ? EXPIRY_MESSAGE : issue.message;
    }
  }
  if (values.preset === 'custom' && !errors.service) {
    const service = entryMetadataSchema.shape.service.safeParse(values.service);
    if (!service.success) errors.service = service.error.issues[0]?.message ?? 'Service name is required.';
  }
  return errors;
}
