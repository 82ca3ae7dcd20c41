import type { ReactNode } from 'react';
import { describeScheme, headerLine } from '../../../../shared/catalogs/service-presets';
import type { EntryView } from '../../../../shared/domain/vault';
import { DetailsCodes, DetailsList, DetailsRow, DetailsTime } from '../../components/DetailsList';

const None = ({ children }: { children: ReactNode }) => <span className="muted">{children}</span>;

/**
 * Everything about an entry but its key: how the key is sent and where it may go, its tags, notes,
 * expiry and times, and for a key Keyhaven issued, its app and scopes. All of it is metadata, shown
 * while the vault is locked too.
 */
export function EntryDetails({ entry, now }: { entry: EntryView; now: number }) {
  const expired = entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now;
  return (
    <DetailsList className="entry-details">
      <DetailsRow term="Service">{entry.service}</DetailsRow>
      <DetailsRow term="Sent as">
        {describeScheme(entry.scheme)}{' '}
        <span className="muted">
          (<code>{entry.scheme.kind === 'query' ? `${entry.scheme.name}=…` : headerLine(entry.scheme, '…')}</code>)
        </span>
      </DetailsRow>
      <DetailsRow term="Base URL">{entry.baseUrl ? <code>{entry.baseUrl}</code> : <None>None</None>}</DetailsRow>
      <DetailsRow term="Allowed hosts">
        {entry.allowedHosts.length > 0 ? (
          <DetailsCodes items={entry.allowedHosts} label="Allowed hosts" />
        ) : (
          <None>Any host (none listed)</None>
        )}
      </DetailsRow>
      <DetailsRow term="Tags">
        {entry.tags.length > 0 ? <DetailsCodes items={entry.tags} label="Tags" /> : <None>None</None>}
      </DetailsRow>
      <DetailsRow term="Expires">
        {entry.expiresAt === null ? (
          <None>No expiry</None>
        ) : (
          <span className={expired ? 'entry-details__expired' : undefined}>
            {expired ? 'Expired · ' : ''}
            <DetailsTime iso={entry.expiresAt} now={now} />
          </span>
        )}
      </DetailsRow>
      {entry.kind === 'issued' ? (
        <DetailsRow term="Issued by">
          Keyhaven · {entry.appName ?? 'an app'}
          {entry.scopes.length > 0 ? <DetailsCodes items={entry.scopes} label="Scopes" /> : <None> · no scopes</None>}
        </DetailsRow>
      ) : null}
      <DetailsRow term="Created">
        <DetailsTime iso={entry.createdAt} now={now} />
      </DetailsRow>
      <DetailsRow term="Updated">
        <DetailsTime iso={entry.updatedAt} now={now} />
      </DetailsRow>
      <DetailsRow term="Notes">
        {entry.notes.trim() === '' ? <None>None</None> : <p className="details-list__text">{entry.notes}</p>}
      </DetailsRow>
    </DetailsList>
  );
}
