import type { KeyUsage } from '../../../../shared/domain/issued-key';

const WIDTH = 600;
const HEIGHT = 120;
const AXIS = 18;
const GAP = 4;

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
/** `2026-11-23` → "Nov 23": the day is already the user's, so it is read back in UTC. */
const labelOf = (day: string): string => dayLabel.format(new Date(`${day}T00:00:00Z`));

/** "12 verifications over 30 days; most on Nov 23 (5); used on 4 days." */
export function usageSummary(usage: KeyUsage): string {
  const days = usage.days.length;
  if (usage.total === 0) return `No verifications in the last ${days} days.`;
  const busiest = usage.days.reduce((best, day) => (day.count > best.count ? day : best));
  const used = usage.days.filter((day) => day.count > 0).length;
  const times = usage.total === 1 ? 'verification' : 'verifications';
  return `${usage.total} ${times} in the last ${days} days; most on ${labelOf(busiest.day)} (${busiest.count}); used on ${used} ${used === 1 ? 'day' : 'days'}.`;
}

/**
 * Verifications per day as a small bar chart, in SVG drawn from attributes only (the CSP allows no
 * inline styles), so it needs no chart library. The picture is one image; its text summary is the
 * caption, read and shown; each bar carries its day and count as a tooltip.
 */
export function KeyUsageChart({ usage }: { usage: KeyUsage }) {
  const max = Math.max(1, ...usage.days.map((day) => day.count));
  const slot = WIDTH / usage.days.length;
  const plot = HEIGHT - AXIS;
  const summary = usageSummary(usage);
  const first = usage.days[0];
  const last = usage.days.at(-1);
  return (
    <figure className="usage-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Bar chart of verifications per day over the last ${usage.days.length} days`}
        className="usage-chart__svg"
        preserveAspectRatio="none"
      >
        <line x1={0} x2={WIDTH} y1={plot + 0.5} y2={plot + 0.5} className="usage-chart__axis" />
        {usage.days.map((day, index) => {
          const height = day.count === 0 ? 0 : Math.max(2, (day.count / max) * (plot - 4));
          return (
            <g key={day.day}>
              {/* The day's slot, so an empty day still reads as a day. */}
              <rect x={index * slot + GAP / 2} y={0} width={slot - GAP} height={plot} className="usage-chart__slot" />
              <rect
                x={index * slot + GAP / 2}
                y={plot - height}
                width={slot - GAP}
                height={height}
                className="usage-chart__bar"
              >
                <title>{`${labelOf(day.day)}: ${day.count}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <div className="usage-chart__ends" aria-hidden="true">
        <span>{first ? labelOf(first.day) : ''}</span>
        <span>{usage.total > 0 ? `highest bar: ${max}` : ''}</span>
        <span>{last ? labelOf(last.day) : ''}</span>
      </div>
      <figcaption className="usage-chart__summary">{summary}</figcaption>
    </figure>
  );
}
