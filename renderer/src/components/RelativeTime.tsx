import { formatAbsolute, formatRelative } from '../lib/time';
import { useNow } from '../lib/use-now';

/** "5 minutes ago", with the exact date and time on hover and in `dateTime`. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const exact = formatAbsolute(iso);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, now)}
    </time>
  );
}
