import type { ReactNode } from 'react';
import { formatAbsolute, formatRelative } from '../lib/time';
import './DetailsList.css';

/**
 * What a page knows about one thing, as term and value rows in a bordered box: a vault entry's
 * details and an issued key's details. `className` adds the page's own touches.
 */
export function DetailsList({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={className ? `details-list ${className}` : 'details-list'}>{children}</dl>;
}

export function DetailsRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="details-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Dec 3, 2027, 5:00 PM (in 12 months)": the exact instant first, then how far it is. */
export function DetailsTime({ iso, now }: { iso: string; now: number }) {
  return (
    <>
      <time dateTime={iso}>{formatAbsolute(iso)}</time> <span className="muted">({formatRelative(iso, now)})</span>
    </>
  );
}

/** Short values (scopes, tags, hosts) as code, wrapping on one line; named by `label` when given. */
export function DetailsCodes({ items, label }: { items: readonly string[]; label?: string }) {
  return (
    <ul className="details-list__codes" aria-label={label}>
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}
