import {
  HEADER_SCHEME_KINDS,
  HEADER_SCHEME_LABELS,
  SERVICE_PRESETS,
  type HeaderSchemeKind,
  type ServicePresetId,
} from '../../../../shared/catalogs/service-presets';
import type { EntryView } from '../../../../shared/domain/vault';
import { Banner } from '../../components/Banner';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { ExpiryField, IssuedExpiry } from './ExpiryField';
import type { EntryForm } from './use-entry-form';

const PRESET_OPTIONS = SERVICE_PRESETS.map((preset) => ({ value: preset.id as ServicePresetId, label: preset.label }));
const SCHEME_OPTIONS = HEADER_SCHEME_KINDS.map((kind) => ({ value: kind, label: HEADER_SCHEME_LABELS[kind] }));

export const QUERY_WARNING =
  'Keys sent in the URL end up in server logs, proxy logs and browser history. Use a header if the service accepts one.';

/**
 * The fields Add key and Edit share: service, header scheme, where the key may be sent, tags, notes and
 * expiry. A key issued by Keyhaven (`issued`, in Edit) keeps its service, and its expiry follows the
 * issued key, so it is shown read-only.
 */
export function EntryFields({ form, issued }: { form: EntryForm; issued?: EntryView | undefined }) {
  const kind = form.values.schemeKind;
  return (
    <>
      {!issued ? (
        <div className="entry-form__pair">
          <SelectField<ServicePresetId>
            label="Service preset"
            options={PRESET_OPTIONS}
            hint="A preset sets the header scheme the service expects."
            {...form.select('preset')}
          />
          {form.values.preset === 'custom' ? <TextField label="Service name" {...form.field('service')} /> : null}
        </div>
      ) : null}
      <div className="entry-form__pair">
        <SelectField<HeaderSchemeKind> label="Header scheme" options={SCHEME_OPTIONS} {...form.select('schemeKind')} />
        {kind === 'header' ? (
          <TextField label="Header name" placeholder="X-Token" {...form.field('schemeName')} />
        ) : null}
        {kind === 'query' ? (
          <TextField label="Parameter name" placeholder="api_key" {...form.field('schemeName')} />
        ) : null}
      </div>
      {kind === 'query' ? (
        <Banner tone="warning" role="note" title="Keys in URLs leak into logs">
          <p>{QUERY_WARNING}</p>
        </Banner>
      ) : null}
      <TextField label="Base URL (optional)" placeholder="https://api.example.com" {...form.field('baseUrl')} />
      <TextField
        label="Allowed hosts (optional)"
        multiline
        hint="The hosts this key may be sent to, separated by commas or new lines: api.example.com, *.example.com."
        {...form.field('allowedHosts')}
      />
      <TextField label="Tags (optional)" hint="Separated by commas: prod, billing." {...form.field('tags')} />
      <TextField label="Notes (optional)" multiline {...form.field('notes')} />
      {issued ? <IssuedExpiry expiresAt={issued.expiresAt} /> : <ExpiryField {...form.field('expiresAt')} />}
    </>
  );
}
