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

/** A local date (`2026-12-01`) and time (`14:30`) as an instant, or null when either is missing. */
export function localDateTime(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}`); // no offset: the ECMAScript rules read it as local time
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The message for a custom expiry, or undefined when it is a valid future instant. */
export function customExpiryError(date: string, time: string, now: number): string | undefined {
  const at = localDateTime(date, time);
  if (!at) return CUSTOM_REQUIRED;
  return at.getTime() <= now ? CUSTOM_IN_PAST : undefined;
}

/** The contract's expiration for a choice; a custom one must already be valid. */
export function toExpiration(choice: ExpirationChoice, date: string, time: string): Expiration {
  if (choice === 'never') return { kind: 'never' };
  if (choice === 'custom') return { kind: 'custom', at: localDateTime(date, time)?.toISOString() ?? '' };
  return { kind: 'preset', preset: choice };
}
