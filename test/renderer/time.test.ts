import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatCompact, formatDay, formatRelative } from '../../renderer/src/lib/time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Local 2:05 AM on Nov 23, 2026: the grace end of a key rotated with 24 hours at that time. */
const NOW = new Date(2026, 10, 23, 2, 5).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const relative = (offset: number) => formatRelative(iso(NOW + offset), NOW);
const time = (ms: number) => new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(ms);

describe('formatRelative', () => {
  it('says "just now" within 45 seconds either way', () => {
    expect(relative(0)).toBe('just now');
    expect(relative(44 * SECOND)).toBe('just now');
    expect(relative(-44 * SECOND)).toBe('just now');
    expect(relative(45 * SECOND)).toBe('in 1 minute');
  });

  it('reads a preset made a moment ago in its own unit, not one step below', () => {
    // The presets as the table shows them a few seconds after generating.
    expect(relative(HOUR - 5 * SECOND)).toBe('in 1 hour');
    expect(relative(12 * HOUR - 5 * SECOND)).toBe('in 12 hours');
    expect(relative(DAY - 5 * SECOND)).toBe('in 1 day');
    expect(relative(5 * DAY - 5 * SECOND)).toBe('in 5 days');
    expect(relative(365 * DAY - 5 * SECOND)).toBe('in 1 year');
    // And the same a moment later: no "next year" for one key and "in 12 months" for another.
    expect(relative(365 * DAY - 5 * MINUTE)).toBe('in 1 year');
    expect(relative(365 * DAY + 5 * MINUTE)).toBe('in 1 year');
  });

  it('moves up a unit at 45 minutes, 22 hours, 26 days and 11 months', () => {
    expect(relative(44 * MINUTE)).toBe('in 44 minutes');
    expect(relative(45 * MINUTE)).toBe('in 1 hour');
    expect(relative(21 * HOUR)).toBe('in 21 hours');
    expect(relative(22 * HOUR)).toBe('in 1 day');
    expect(relative(25 * DAY)).toBe('in 25 days');
    expect(relative(26 * DAY)).toBe('in 1 month');
    expect(relative(10 * 30 * DAY)).toBe('in 10 months');
    expect(relative(11 * 31 * DAY)).toBe('in 1 year');
    expect(relative(2 * 365 * DAY)).toBe('in 2 years');
  });

  it('says the past the same way', () => {
    expect(relative(-HOUR)).toBe('1 hour ago');
    expect(relative(-90 * MINUTE)).toBe('2 hours ago');
    expect(relative(-DAY)).toBe('1 day ago');
    expect(relative(-3 * DAY)).toBe('3 days ago');
    expect(relative(-365 * DAY)).toBe('1 year ago');
  });
});

describe('formatCompact', () => {
  it('shows only the time later today', () => {
    const at = new Date(2026, 10, 23, 23, 30).getTime();
    expect(formatCompact(iso(at), NOW)).toBe(time(at));
  });

  it('says "tomorrow" for an instant on the next calendar day, so 24 hours never reads like now', () => {
    const at = NOW + DAY;
    expect(formatCompact(iso(at), NOW)).toBe(`tomorrow ${time(at)}`);
    // An hour from 11:30 PM is also tomorrow, though less than a day away.
    const late = new Date(2026, 10, 23, 23, 30).getTime();
    expect(formatCompact(iso(late + HOUR), late)).toBe(`tomorrow ${time(late + HOUR)}`);
  });

  it('shows the date further away, and the year only when it is another year', () => {
    const week = NOW + 7 * DAY;
    const label = formatCompact(iso(week), NOW);
    expect(label).toContain('Nov');
    expect(label).toContain('30');
    expect(label).toContain(time(week));
    expect(label).not.toContain('2026');

    const newYear = new Date(2026, 11, 30, 12, 0).getTime();
    expect(formatCompact(iso(newYear + 3 * DAY), newYear)).toContain('2027');
  });
});

describe('formatAbsolute', () => {
  it("writes the date and time in the user's locale and names the time zone", () => {
    const at = new Date(2026, 11, 3, 14, 5);
    const zone = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
    const label = formatAbsolute(at.toISOString());
    expect(zone).toBeTruthy();
    expect(label.endsWith(` ${zone!}`)).toBe(true);
    expect(label).toContain('2026');
    expect(label).toContain('Dec');
    expect(label).toContain('05');
    // A Date reads the same as its ISO text.
    expect(formatAbsolute(at)).toBe(label);
  });
});

describe('formatDay', () => {
  const now = new Date(NOW);
  it('names today and yesterday by calendar day, not by 24-hour spans', () => {
    expect(formatDay(new Date(2026, 10, 23, 0, 1), now)).toBe('Today');
    expect(formatDay(new Date(2026, 10, 22, 0, 1), now)).toBe('Yesterday');
    expect(formatDay(new Date(2026, 10, 22, 23, 59), new Date(2026, 10, 23, 0, 1))).toBe('Yesterday');
  });

  it('gives the weekday and date further back, with the year only when it is another year', () => {
    const label = formatDay(new Date(2026, 10, 20, 12), now);
    expect(label).toContain('Fri');
    expect(label).toContain('20');
    expect(label).not.toContain('2026');
    expect(formatDay(new Date(2025, 11, 31, 12), now)).toContain('2025');
  });
});
