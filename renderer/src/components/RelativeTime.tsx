import { formatAbsolute, formatRelative } from '../lib/time';
import { useNow } from '../lib/use-now';

/** "in 3 days", with the exact date and time on hover and in `dateTime`, relative to a given now. */
export function TimeText({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}

/** "5 minutes ago", with the exact date and time on hover and in `dateTime`. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  return <TimeText iso={iso} now={now} />;
}
