import type { ReactNode } from 'react';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { DetailsCodes, DetailsList, DetailsRow, DetailsTime } from '../../components/DetailsList';
import { useNavigation } from '../../stores/navigation-store';

/** A link to another key of the rotation chain: its page, named by its name and label. */
function ChainLink({ target }: { target: IssuedKeySummary }) {
  const openKey = useNavigation((s) => s.openKey);
  return (
    <Button variant="link" onClick={() => openKey(target.appId, target.id)}>
      {target.name} <code>{`${target.keyPrefix}_${target.keyId}`}</code>
    </Button>
  );
}

function expiryOf(key: IssuedKeySummary, now: number): ReactNode {
  if (key.expiresAt === null) return 'Never expires';
  return <DetailsTime iso={key.expiresAt} now={now} />;
}

/** What the key is: its label, scopes, times, note and rotation chain. */
export function KeyDetails({
  apiKey: key,
  keys,
  now,
}: {
  apiKey: IssuedKeySummary;
  keys: readonly IssuedKeySummary[];
  now: number;
}) {
  const replaces = key.replacesId ? keys.find((k) => k.id === key.replacesId) : undefined;
  const replacedBy = key.replacedById ? keys.find((k) => k.id === key.replacedById) : undefined;
  return (
    <DetailsList>
      <DetailsRow term="Key">
        <code className="key-chip">{`${key.keyPrefix}_${key.keyId}…`}</code>{' '}
        <span className="muted">
          prefix <code>{key.keyPrefix}</code>, key id <code>{key.keyId}</code>
        </span>
      </DetailsRow>
      <DetailsRow term="Scopes">
        {key.scopes.length === 0 ? <span className="muted">None</span> : <DetailsCodes items={key.scopes} />}
      </DetailsRow>
      <DetailsRow term="Expires">{expiryOf(key, now)}</DetailsRow>
      {key.revokedAt ? (
        <DetailsRow term="Revoked">
          <DetailsTime iso={key.revokedAt} now={now} />
        </DetailsRow>
      ) : null}
      {key.disabledAt && key.status === 'disabled' ? (
        <DetailsRow term="Disabled">
          <DetailsTime iso={key.disabledAt} now={now} />
        </DetailsRow>
      ) : null}
      <DetailsRow term="Created">
        <DetailsTime iso={key.createdAt} now={now} />
      </DetailsRow>
      <DetailsRow term="Last used">
        {key.lastUsedAt === null ? (
          <span className="muted">Never used</span>
        ) : (
          <>
            <DetailsTime iso={key.lastUsedAt} now={now} /> · {key.useCount} {key.useCount === 1 ? 'use' : 'uses'} in all
          </>
        )}
      </DetailsRow>
      <DetailsRow term="Note">
        {key.note === '' ? (
          <span className="muted">No note</span>
        ) : (
          <span className="details-list__text">{key.note}</span>
        )}
      </DetailsRow>
      <DetailsRow term="Rotation">
        {!replaces && !replacedBy ? <span className="muted">Never rotated</span> : null}
        {replaces ? (
          <span className="key-details__chain">
            Replaces <ChainLink target={replaces} />
          </span>
        ) : null}
        {replacedBy ? (
          <span className="key-details__chain">
            Replaced by <ChainLink target={replacedBy} />
            {key.graceEndsAt && Date.parse(key.graceEndsAt) > now ? (
              <>
                {' '}
                — keeps working until <DetailsTime iso={key.graceEndsAt} now={now} />
              </>
            ) : null}
          </span>
        ) : null}
      </DetailsRow>
    </DetailsList>
  );
}
