/**
 * The expiration choices of the generation wizard (Cerby's list, plus Never as GitHub offers it).
 * A preset is a duration from the moment a key is generated — or rotated: a rotated key's duration
 * restarts from the rotation, while a custom date stays the same date.
 */
export const EXPIRATION_PRESETS = [
  { id: '1h', label: '1 hour' },
  { id: '12h', label: '12 hours' },
  { id: '1d', label: '1 day' },
  { id: '5d', label: '5 days' },
  { id: '1y', label: '1 year' },
] as const;

export type ExpirationPresetId = (typeof EXPIRATION_PRESETS)[number]['id'];
export const EXPIRATION_PRESET_IDS = EXPIRATION_PRESETS.map((p) => p.id) as [
  ExpirationPresetId,
  ...ExpirationPresetId[],
];

const HOUR = 60 * 60 * 1000;

/** When a key with this preset, issued at `from`, expires. "1 year" is a calendar year. */
export function presetExpiry(preset: ExpirationPresetId, from: Date): Date {
  switch (preset) {
    case '1h':
      return new Date(from.getTime() + HOUR);
    case '12h':
      return new Date(from.getTime() + 12 * HOUR);
    case '1d':
      return new Date(from.getTime() + 24 * HOUR);
    case '5d':
      return new Date(from.getTime() + 5 * 24 * HOUR);
    case '1y': {
      const next = new Date(from.getTime());
      next.setUTCFullYear(next.getUTCFullYear() + 1);
      return next;
    }
  }
}

/** How long a rotated key keeps working (Stripe, Unkey): never past its own expiry. */
export const GRACE_PERIODS = [
  { id: 'immediately', label: 'Immediately', ms: 0 },
  { id: '1h', label: '1 hour', ms: HOUR },
  { id: '24h', label: '24 hours', ms: 24 * HOUR },
  { id: '7d', label: '7 days', ms: 7 * 24 * HOUR },
] as const;

export type GracePeriodId = (typeof GRACE_PERIODS)[number]['id'];
export const GRACE_PERIOD_IDS = GRACE_PERIODS.map((g) => g.id) as [GracePeriodId, ...GracePeriodId[]];

/** Reminders before a key expires: a desktop notification and an in-app badge at each threshold. */
export const EXPIRY_REMINDERS = [
  { id: '7d', ms: 7 * 24 * HOUR },
  { id: '1d', ms: 24 * HOUR },
] as const;
export type ExpiryReminderId = (typeof EXPIRY_REMINDERS)[number]['id'];
