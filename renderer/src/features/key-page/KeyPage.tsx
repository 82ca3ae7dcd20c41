import { ArrowLeft, Ban, CirclePause, CirclePlay, Pencil, RefreshCw, SearchX } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import type { IssuedKeySummary, KeyUsage } from '../../../../shared/domain/issued-key';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { StatusBadge } from '../../components/StatusBadge';
import { useBackOnEscape } from '../../lib/use-back-on-escape';
import { useNow } from '../../lib/use-now';
import { EMPTY_FEED, keyFeed, useActivity } from '../../stores/activity-store';
import { EMPTY_KEY_LIST, useKeys } from '../../stores/keys-store';
import { useNavigation } from '../../stores/navigation-store';
import { ActivityTable } from '../activity/ActivityTable';
import { actionsFor } from '../keys/key-table-model';
import { RevokeKeyDialog } from '../keys/RevokeKeyDialog';
import { RotateKeyDialog } from '../keys/RotateKeyDialog';
import { EditKeyDialog } from './EditKeyDialog';
import { KeyDetails } from './KeyDetails';
import { KeyUsageChart } from './KeyUsageChart';
import '../activity/activity.css';
import './key-page.css';

type OpenDialog = 'edit' | 'rotate' | 'revoke';

/** The utc offset of the page, in minutes east: the days of the usage chart are the user's. */
const utcOffsetMinutes = (): number => -new Date().getTimezoneOffset();

/**
 * One issued key (issue 14): what it is, its use per day, its rotation chain and its activity, with
 * rename and note, disable and enable, rotate and revoke. Back (or Escape) returns to the keys table.
 */
export function KeyPage({ app, keyId }: { app: App; keyId: string }) {
  const list = useKeys((s) => s.byApp[app.id] ?? EMPTY_KEY_LIST);
  const load = useKeys((s) => s.load);
  const setDisabled = useKeys((s) => s.setDisabled);
  const closeKey = useNavigation((s) => s.closeKey);
  const loadActivity = useActivity((s) => s.loadKey);
  const feed = useActivity((s) => s.feeds[keyFeed(keyId)] ?? EMPTY_FEED);
  const [usage, setUsage] = useState<KeyUsage | ApiFailure | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const key = list.keys.find((candidate) => candidate.id === keyId);
  const now = useNow(30_000, key);

  useEffect(() => {
    if (!list.loaded) void load(app.id);
  }, [app.id, list.loaded, load]);

  // A change to the key (disable, rename, a rotation) may add records and uses: read both again.
  useEffect(() => {
    void loadActivity(keyId);
    void client.keys.usage({ id: keyId, utcOffsetMinutes: utcOffsetMinutes() }).then(setUsage);
  }, [keyId, key, loadActivity]);

  // Focus starts on the page's heading, and moves there again when a rotation link opens another key.
  const found = key !== undefined;
  useEffect(() => {
    if (found) heading.current?.focus();
  }, [found, keyId]);

  useBackOnEscape(closeKey);

  const back = (
    <Button variant="link" icon={ArrowLeft} onClick={closeKey} className="key-page__back">
      Back to API keys
    </Button>
  );

  if (!key) {
    return (
      <div className="key-page">
        {back}
        {list.loaded ? (
          <EmptyState icon={SearchX} title="This API key was not found">
            <p>It may belong to an app that was deleted. Go back to the API keys of {app.name}.</p>
          </EmptyState>
        ) : (
          <SkeletonRows label="Loading API key…" />
        )}
      </div>
    );
  }

  const actions = actionsFor(key, now);
  const toggle = async (target: IssuedKeySummary, disable: boolean) => {
    setBusy(true);
    setFailure(null);
    setNotice('');
    const result = await setDisabled(target.id, disable);
    setBusy(false);
    if (isFailure(result)) return setFailure(result);
    setNotice(disable ? 'Disabled: the key answers DISABLED until you enable it.' : 'Enabled: the key works again.');
  };

  return (
    <div className="key-page">
      {back}
      <div className="key-page__head">
        <h2 ref={heading} tabIndex={-1} className="key-page__title">
          {key.name}
        </h2>
        <StatusBadge status={key.status} />
        <div className="key-page__actions">
          <Button size="sm" icon={Pencil} onClick={() => setDialog('edit')}>
            Rename or note
          </Button>
          {key.status === 'disabled' ? (
            <Button size="sm" icon={CirclePlay} busy={busy} onClick={() => void toggle(key, false)}>
              Enable
            </Button>
          ) : actions.rotate ? (
            <Button size="sm" icon={CirclePause} busy={busy} onClick={() => void toggle(key, true)}>
              Disable
            </Button>
          ) : null}
          {actions.rotate ? (
            <Button size="sm" icon={RefreshCw} onClick={() => setDialog('rotate')}>
              Rotate
            </Button>
          ) : null}
          {actions.revoke || key.status === 'disabled' ? (
            <Button size="sm" variant="danger" icon={Ban} onClick={() => setDialog('revoke')}>
              Revoke
            </Button>
          ) : null}
        </div>
      </div>
      <p role="status" className="key-page__notice">
        {notice}
      </p>
      {failure ? (
        <Banner tone="danger" title="The key was not changed">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      <KeyDetails apiKey={key} keys={list.keys} now={now} />
      <section className="key-page__section" aria-labelledby="key-usage-title">
        <h3 id="key-usage-title" className="section-title">
          Usage
        </h3>
        {usage === null ? (
          <SkeletonRows label="Loading usage…" />
        ) : isFailure(usage) ? (
          <Banner tone="danger" title="Keyhaven could not count this key’s uses">
            <p>{usage.message}</p>
          </Banner>
        ) : (
          <KeyUsageChart usage={usage} />
        )}
      </section>
      <section className="key-page__section activity" aria-labelledby="key-activity-title">
        <h3 id="key-activity-title" className="section-title">
          Activity
        </h3>
        <ActivityTable
          feed={feed}
          caption={`Activity of ${key.name}, newest first`}
          onRetry={() => void loadActivity(keyId)}
          emptyText="Generating, showing, rotating and verifying this key are recorded here. Secrets never are."
        />
      </section>
      {dialog === 'edit' ? <EditKeyDialog target={key} onClose={() => setDialog(null)} /> : null}
      {dialog === 'rotate' ? (
        <RotateKeyDialog target={key} headerScheme={app.headerScheme} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'revoke' ? <RevokeKeyDialog target={key} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
