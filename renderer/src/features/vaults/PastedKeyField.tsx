import type { HeaderScheme } from '../../../../shared/catalogs/service-presets';
import { TextField } from '../../components/TextField';
import type { EntryForm } from './use-entry-form';

/** How the recognised header reads, as people paste it. */
const HEADER_TEXT: Record<'x-api-key' | 'api-key' | 'bearer', string> = {
  'x-api-key': 'x-api-key',
  'api-key': 'Authorization: Api-Key',
  bearer: 'Authorization: Bearer',
};

export function recognisedText(scheme: HeaderScheme): string {
  const header = scheme.kind in HEADER_TEXT ? HEADER_TEXT[scheme.kind as keyof typeof HEADER_TEXT] : scheme.kind;
  return `Recognised ${header} — the key was split from its header.`;
}

/**
 * The key, pasted as it came: a bare key, or with its header (`Authorization: Bearer …`, a curl `-H`
 * line), which is recognised and split, and sets the header scheme. Messages never repeat the key.
 */
export function PastedKeyField({ form, label, hint }: { form: EntryForm; label: string; hint: string }) {
  const recognised = form.recognised;
  return (
    <div className="pasted-key">
      <TextField
        label={label}
        multiline
        className="pasted-key__field"
        hint={
          <>
            <span>{hint}</span>
            {/* Always present, so the recognition is announced when it appears. */}
            <span role="status" className="pasted-key__recognised">
              {recognised ? recognisedText(recognised) : ''}
            </span>
          </>
        }
        {...form.field('secret')}
      />
    </div>
  );
}
