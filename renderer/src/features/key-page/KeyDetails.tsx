import type { ReactNode } from 'react';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { formatAbsolute, formatRelative } from '../../lib/time';
import { useNavigation } from '../../stores/navigation-store';

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
    <div className="key-details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

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
  return <When iso={key.expiresAt} now={now} />;
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
    <dl className="key-details">
      <Row term="Key">
        <code className="key-chip">{`${key.keyPrefix}_${key.keyId}…`}</code>{' '}
        <span className="muted">
          prefix <code>{key.keyPrefix}</code>, key id <code>{key.keyId}</code>
        </span>
      </Row>
      <Row term="Scopes">
        {key.scopes.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <ul className="key-details__scopes">
            {key.scopes.map((scope) => (
              <li key={scope}>
                <code>{scope}</code>
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term="Expires">{expiryOf(key, now)}</Row>
      {key.revokedAt ? (
        <Row term="Revoked">
          <When iso={key.revokedAt} now={now} />
        </Row>
      ) : null}
      {key.disabledAt && key.status === 'disabled' ? (
        <Row term="Disabled">
          <When iso={key.disabledAt} now={now} />
        </Row>
      ) : null}
      <Row term="Created">
        <When iso={key.createdAt} now={now} />
      </Row>
      <Row term="Last used">
        {key.lastUsedAt === null ? (
          <span className="muted">Never used</span>
        ) : (
          <>
            <When iso={key.lastUsedAt} now={now} /> · {key.useCount} {key.useCount === 1 ? 'use' : 'uses'} in all
          </>
        )}
      </Row>
      <Row term="Note">
        {key.note === '' ? (
          <span className="muted">No note</span>
        ) : (
          <span className="key-details__note">{key.note}</span>
        )}
      </Row>
      <Row term="Rotation">
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
                — keeps working until <When iso={key.graceEndsAt} now={now} />
              </>
            ) : null}
          </span>
        ) : null}
      </Row>
    </dl>
  );
}
