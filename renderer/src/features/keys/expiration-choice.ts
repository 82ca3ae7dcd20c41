import { EXPIRATION_PRESETS, type ExpirationPresetId } from '../../../../shared/catalogs/expirations';
import type { Expiration } from '../../../../shared/domain/expiration';

/** What the "Expiration time" select holds: a preset, Custom or Never. */
export type ExpirationChoice = ExpirationPresetId | 'custom' | 'never';

export const DEFAULT_EXPIRATION: ExpirationChoice = '1y';

export const EXPIRATION_OPTIONS: ReadonlyArray<{ value: ExpirationChoice; label: string }> = [
  ...EXPIRATION_PRESETS.map((p) => ({ value: p.id, label: p.label })),
  { value: 'custom', label: 'Custom' },
  { value: 'never', label: 'Never' },
];

export const CUSTOM_REQUIRED = 'Enter the date and the time the key expires.';
export const CUSTOM_IN_PAST = 'The expiration date and time must be in the future.';
export const NEVER_WARNING =
  'Keys that never expire are a risk if they leak. Choose an expiration unless this key must live forever.';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** A local date (`2026-12-01`) and time (`14:30`) as an instant, or null when either is missing. */
export function localDateTime(date: string, time: string): Date | null {
  if (!DATE.test(date) || !TIME.test(time)) return null;
  const at = new Date(`${date}T${time}`); // no offset: the ECMAScript rules read it as local time
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The local calendar date of an instant, as a date input holds it: `2026-11-23`. */
export function localDateOf(ms: number): string {
  const at = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export interface CustomExpiryError {
  /** The input that is wrong: a missing or past date, or a missing time or one already past today. */
  field: 'date' | 'time';
  message: string;
}

/** What is wrong with a custom expiry, and in which input; undefined when it is a future instant. */
export function customExpiryError(date: string, time: string, now: number): CustomExpiryError | undefined {
  const at = localDateTime(date, time);
  if (!at) return { field: DATE.test(date) && !TIME.test(time) ? 'time' : 'date', message: CUSTOM_REQUIRED };
  if (at.getTime() > now) return undefined;
  // Dates in this form compare as text. Today's date with a time that has passed: the time is wrong.
  return { field: date < localDateOf(now) ? 'date' : 'time', message: CUSTOM_IN_PAST };
}

/** The contract's expiration for a choice; a custom one must already be valid. */
export function toExpiration(choice: ExpirationChoice, date: string, time: string): Expiration {
  if (choice === 'never') return { kind: 'never' };
  if (choice === 'custom') return { kind: 'custom', at: localDateTime(date, time)?.toISOString() ?? '' };
  return { kind: 'preset', preset: choice };
}
