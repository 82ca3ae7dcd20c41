import { KeyRound, Plus, ShieldCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { EMPTY_KEY_LIST, useKeys } from '../../stores/keys-store';
import { useNavigation } from '../../stores/navigation-store';
import { CheckKeyDialog } from './CheckKeyDialog';
import { GenerateKeyDialog } from './GenerateKeyDialog';
import { KeysPanel } from './KeysPanel';
import { RevokeKeyDialog } from './RevokeKeyDialog';
import { RotateKeyDialog } from './RotateKeyDialog';
import './keys.css';

type OpenDialog =
  | { kind: 'generate' }
  | { kind: 'check' }
  | { kind: 'rotate'; key: IssuedKeySummary }
  | { kind: 'revoke'; key: IssuedKeySummary };

export function KeysTab({ app }: { app: App }) {
  const list = useKeys((s) => s.byApp[app.id] ?? EMPTY_KEY_LIST);
  const load = useKeys((s) => s.load);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);
  const openKey = useNavigation((s) => s.openKey);
  const archived = app.archivedAt !== null;

  useEffect(() => {
    void load(app.id);
  }, [app.id, load]);

  return (
    <div className="keys-tab">
      <div className="toolbar">
        <p className="muted">
          Keys of this app start with <code>{app.keyPrefix}_</code>. Keyhaven stores only a hash of each key.
        </p>
        <div className="toolbar__actions">
          <Button icon={ShieldCheck} onClick={() => setDialog({ kind: 'check' })}>
            Check a key
          </Button>
          {archived ? null : (
            <Button variant="primary" icon={Plus} onClick={() => setDialog({ kind: 'generate' })}>
              Generate API key
            </Button>
          )}
        </div>
      </div>
      {archived ? (
        <Banner tone="info" title="This app is archived">
          <p>Its keys were revoked when it was archived, and it issues no new keys.</p>
        </Banner>
      ) : null}
      {list.error && !list.loaded ? (
        <Banner
          tone="danger"
          title="Keyhaven could not load the API keys"
          action={
            <Button size="sm" busy={list.loading} onClick={() => void load(app.id)}>
              Try again
            </Button>
          }
        >
          <p>{list.error.message}</p>
        </Banner>
      ) : !list.loaded ? (
        <SkeletonRows label="Loading API keys…" />
      ) : list.keys.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys yet">
          <p>
            Click <strong>Generate API key</strong> to issue a key for {app.name}. You will see it once, right after it
            is generated: copy it then and store it in a safe place.
          </p>
        </EmptyState>
      ) : (
        <KeysPanel
          appName={app.name}
          keys={list.keys}
          onRotate={(key) => setDialog({ kind: 'rotate', key })}
          onRevoke={(key) => setDialog({ kind: 'revoke', key })}
          onOpen={(key) => openKey(app.id, key.id)}
        />
      )}
      {dialog?.kind === 'generate' ? <GenerateKeyDialog app={app} onClose={close} /> : null}
      {dialog?.kind === 'check' ? <CheckKeyDialog app={app} onClose={close} /> : null}
      {dialog?.kind === 'rotate' ? (
        <RotateKeyDialog target={dialog.key} headerScheme={app.headerScheme} onClose={close} />
      ) : null}
      {dialog?.kind === 'revoke' ? <RevokeKeyDialog target={dialog.key} onClose={close} /> : null}
    </div>
  );
}
