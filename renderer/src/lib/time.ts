const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "Nov 23, 2026, 1:05 AM" in the user's locale. */
export function formatAbsolute(iso: string): string {
  return absolute.format(new Date(iso));
}

/** "just now", "5 minutes ago", "yesterday", "in 3 days". */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** Compact, for tight cells: "1:50 AM" within the next day, else "Nov 30". */
export function formatCompact(iso: string, now: number): string {
  const at = Date.parse(iso);
  return Math.abs(at - now) < 24 * 3_600_000 ? timeOnly.format(at) : dateOnly.format(at);
}
