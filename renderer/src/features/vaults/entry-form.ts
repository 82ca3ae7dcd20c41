import {
  presetLabel,
  presetScheme,
  type HeaderScheme,
  type HeaderSchemeKind,
  type ServicePresetId,
} from '../../../../shared/catalogs/service-presets';
import type { EntryView, NewEntryInput, UpdateEntryInput } from '../../../../shared/domain/vault';

/** What the Add key and Edit forms hold, all as the inputs show it. */
export interface EntryFormValues {
  name: string;
  /** Add: the pasted text, header and all (main splits it). Edit: an optional new key. */
  secret: string;
  preset: ServicePresetId;
  service: string;
  schemeKind: HeaderSchemeKind;
  schemeName: string;
  baseUrl: string;
  allowedHosts: string;
  tags: string;
  notes: string;
  /** A local date and time as `<input type="datetime-local">` holds it, or empty for none. */
  expiresAt: string;
}
export type EntryField = keyof EntryFormValues;

/** The fields in the order they appear: the first one with a message takes focus on submit. */
export const ENTRY_FIELDS: readonly EntryField[] = [
  'name',
  'secret',
  'preset',
  'service',
  'schemeKind',
  'schemeName',
  'baseUrl',
  'allowedHosts',
  'tags',
  'notes',
  'expiresAt',
];

export const EMPTY_ENTRY_FORM: EntryFormValues = {
  name: '',
  secret: '',
  preset: 'custom',
  service: '',
  schemeKind: 'bearer',
  schemeName: '',
  baseUrl: '',
  allowedHosts: '',
  tags: '',
  notes: '',
  expiresAt: '',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local input shows it, in local time: `2026-12-01T14:30`. */
export function toLocalInput(iso: string | null): string {
  if (iso === null) return '';
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The form's values for an existing entry (the key field starts empty: it only ever takes a new key). */
export function formValuesOf(entry: EntryView): EntryFormValues {
  const scheme = entry.scheme;
  return {
    name: entry.name,
    secret: '',
    preset: entry.preset,
    service: entry.service,
    schemeKind: scheme.kind,
    schemeName: scheme.kind === 'header' || scheme.kind === 'query' ? scheme.name : '',
    baseUrl: entry.baseUrl ?? '',
    allowedHosts: entry.allowedHosts.join('\n'),
    tags: entry.tags.join(', '),
    notes: entry.notes,
    expiresAt: toLocalInput(entry.expiresAt),
  };
}

export function schemeOf(values: Pick<EntryFormValues, 'schemeKind' | 'schemeName'>): HeaderScheme {
  const kind = values.schemeKind;
  return kind === 'header' || kind === 'query' ? { kind, name: values.schemeName.trim() } : { kind };
}

/** Picking a preset fills the scheme it implies; Custom leaves the scheme as it was. */
export function withPreset(values: EntryFormValues, preset: ServicePresetId): EntryFormValues {
  const scheme = presetScheme(preset);
  return scheme ? { ...values, preset, schemeKind: scheme.kind, schemeName: '' } : { ...values, preset };
}

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');

function expiryOf(text: string): string | null {
  if (text.trim() === '') return null;
  const at = new Date(text);
  // An unreadable date goes through as typed, so the schema reports it instead of a crash here.
  return Number.isNaN(at.getTime()) ? text : at.toISOString();
}

/** The metadata fields of an entry as main takes them, from what the form holds. */
export function metadataOf(values: EntryFormValues) {
  return {
    name: values.name,
    preset: values.preset,
    // A preset names its service; Custom names it in the Service name field.
    service: values.preset === 'custom' ? values.service : presetLabel(values.preset),
    scheme: schemeOf(values),
    baseUrl: values.baseUrl.trim() === '' ? null : values.baseUrl.trim(),
    allowedHosts: list(values.allowedHosts, /[,\n]/),
    tags: list(values.tags, /,/),
    notes: values.notes,
    expiresAt: expiryOf(values.expiresAt),
  };
}

export function toNewEntryInput(vaultId: string, values: EntryFormValues): NewEntryInput {
  return { vaultId, secret: values.secret, ...metadataOf(values) };
}

/**
 * An edit. Keys issued by Keyhaven keep their service and their expiry (main follows the issued key's,
 * also on rotation); an empty key field keeps the current key.
 */
export function toUpdateInput(entry: EntryView, values: EntryFormValues, newKey: string | null): UpdateEntryInput {
  const { preset, service, expiresAt, ...rest } = metadataOf(values);
  const input: UpdateEntryInput = { entryId: entry.id, ...rest };
  if (entry.kind !== 'issued') Object.assign(input, { preset, service, expiresAt });
  if (newKey !== null) input.secret = newKey;
  return input;
}
