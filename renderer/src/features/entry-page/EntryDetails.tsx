import type { ReactNode } from 'react';
import { describeScheme, headerLine } from '../../../../shared/catalogs/service-presets';
import type { EntryView } from '../../../../shared/domain/vault';
import { formatAbsolute, formatRelative } from '../../lib/time';

/** "Dec 3, 2027, 5:00 PM (in 12 months)": the exact instant first, then how far it is. */
function When({ iso, now }: { iso: string; now: number }) {
  return (
    <>
      <time dateTime={iso}>{formatAbsolute(iso)}</time> <span className="muted">({formatRelative(iso, now)})</span>
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="entry-details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const None = ({ children }: { children: ReactNode }) => <span className="muted">{children}</span>;

function List({ items, label }: { items: readonly string[]; label: string }) {
  return (
    <ul className="entry-details__list" aria-label={label}>
      {items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * Everything about an entry but its key: how the key is sent and where it may go, its tags, notes,
 * expiry and times, and for a key Keyhaven issued, its app and scopes. All of it is metadata, shown
 * while the vault is locked too.
 */
export function EntryDetails({ entry, now }: { entry: EntryView; now: number }) {
  const expired = entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now;
  return (
    <dl className="entry-details">
      <Row term="Service">{entry.service}</Row>
      <Row term="Sent as">
        {describeScheme(entry.scheme)}{' '}
        <span className="muted">
          (<code>{entry.scheme.kind === 'query' ? `${entry.scheme.name}=…` : headerLine(entry.scheme, '…')}</code>)
        </span>
      </Row>
      <Row term="Base URL">{entry.baseUrl ? <code>{entry.baseUrl}</code> : <None>None</None>}</Row>
      <Row term="Allowed hosts">
        {entry.allowedHosts.length > 0 ? (
          <List items={entry.allowedHosts} label="Allowed hosts" />
        ) : (
          <None>Any host (none listed)</None>
        )}
      </Row>
      <Row term="Tags">{entry.tags.length > 0 ? <List items={entry.tags} label="Tags" /> : <None>None</None>}</Row>
      <Row term="Expires">
        {entry.expiresAt === null ? (
          <None>No expiry</None>
        ) : (
          <span className={expired ? 'entry-details__expired' : undefined}>
            {expired ? 'Expired · ' : ''}
            <When iso={entry.expiresAt} now={now} />
          </span>
        )}
      </Row>
      {entry.kind === 'issued' ? (
        <Row term="Issued by">
          Keyhaven · {entry.appName ?? 'an app'}
          {entry.scopes.length > 0 ? <List items={entry.scopes} label="Scopes" /> : <None> · no scopes</None>}
        </Row>
      ) : null}
      <Row term="Created">
        <When iso={entry.createdAt} now={now} />
      </Row>
      <Row term="Updated">
        <When iso={entry.updatedAt} now={now} />
      </Row>
      <Row term="Notes">
        {entry.notes.trim() === '' ? <None>None</None> : <p className="entry-details__notes">{entry.notes}</p>}
      </Row>
    </dl>
  );
}
