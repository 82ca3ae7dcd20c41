/**
 * Every date and time the page shows goes through this module, in the user's locale and time zone
 * (the browser's defaults, which Electron takes from the system). An instant in full always names its
 * time zone: "3 Dec 2026, 14:05 CET" in en-GB, "Dec 3, 2026, 2:05 PM GMT+1" in en-US.
 */
const absolute = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
// Always a number ("in 1 day", "1 year ago"): the words "tomorrow" and "next year" name a calendar day
// or year, which a rounded duration does not always reach (22 hours from 1 AM is still today).
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = (365.25 / 12) * DAY;
const YEAR = 365.25 * DAY;

/**
 * When a duration moves up to the next unit, as moment and date-fns round it: from 45 minutes it is
 * "1 hour", from 22 hours "1 day", from 26 days "1 month", from 11 months "1 year". So a key made for
 * an hour reads "in 1 hour" (not "in 60 minutes", then "in 59 minutes" a moment later), and every
 * 1-year key reads "in 1 year" whether it was made a second before or after another.
 */
interface Step {
  unit: Intl.RelativeTimeFormatUnit;
  size: number;
  below: number;
}
const YEARS: Step = { unit: 'year', size: YEAR, below: Number.POSITIVE_INFINITY };
const STEPS: readonly Step[] = [
  { unit: 'minute', size: MINUTE, below: 45 * MINUTE },
  { unit: 'hour', size: HOUR, below: 22 * HOUR },
  { unit: 'day', size: DAY, below: 26 * DAY },
  { unit: 'month', size: MONTH, below: 11 * MONTH },
  YEARS,
];

/** "23 Nov 2026, 01:05 CET" as the user's locale writes it, with the time zone's name. */
export function formatAbsolute(at: string | Date): string {
  return absolute.format(typeof at === 'string' ? new Date(at) : at);
}

/** "just now", "5 minutes ago", "1 day ago", "in 1 hour", "in 3 days", "in 1 year". */
export function formatRelative(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const size = Math.abs(seconds);
  if (size < 45) return 'just now';
  const step = STEPS.find((s) => size < s.below) ?? YEARS;
  // At least 1: 45 seconds is "1 minute", never "0 minutes".
  const count = Math.max(1, Math.round(size / step.size));
  return relative.format(seconds < 0 ? -count : count, step.unit);
}

const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const dayYearAndTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** Midnight that starts the local calendar day of `ms`. */
const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);

/**
 * An instant for a tight cell, with the date whenever it is not today, so an end a day away never
 * reads like now: "2:05 AM" later today, "tomorrow 2:05 AM", "yesterday 2:05 AM", else "Nov 30, 2:05 AM"
 * (with the year when it is not this year).
 */
export function formatCompact(iso: string, now: number): string {
  const at = Date.parse(iso);
  const today = startOfDay(now);
  const day = startOfDay(at);
  if (day === today) return timeOnly.format(at);
  // Calendar days, not 24-hour spans: a day with a daylight-saving change is 23 or 25 hours long.
  const tomorrow = new Date(today);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (day === tomorrow.getTime()) return `tomorrow ${timeOnly.format(at)}`;
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === yesterday.getTime()) return `yesterday ${timeOnly.format(at)}`;
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dayAndTime : dayYearAndTime).format(at);
}

const weekdayAndDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const weekdayDayAndYear = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A heading for a calendar day: "Today", "Yesterday", else "Mon, 30 Nov" (with the year when not this year). */
export function formatDay(at: Date, now: Date): string {
  const day = startOfDay(at.getTime());
  const today = startOfDay(now.getTime());
  if (day === today) return 'Today';
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === yesterday.getTime()) return 'Yesterday';
  return (at.getFullYear() === now.getFullYear() ? weekdayAndDay : weekdayDayAndYear).format(at);
}
