import { KeyRound, Plus } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { EMPTY_KEY_LIST, useKeys } from '../../stores/keys-store';
import { GenerateKeyDialog } from './GenerateKeyDialog';
import { KeysTable } from './KeysTable';
import './keys.css';

export function KeysTab({ app }: { app: App }) {
  const list = useKeys((s) => s.byApp[app.id] ?? EMPTY_KEY_LIST);
  const load = useKeys((s) => s.load);
  const [generating, setGenerating] = useState(false);

  useEffect(() => {
    void load(app.id);
  }, [app.id, load]);

  return (
    <div className="keys-tab">
      <div className="toolbar">
        <p className="muted">
          Keys of this app start with <code>{app.keyPrefix}_</code>. Keyhaven stores only a hash of each key.
        </p>
        <Button variant="primary" icon={Plus} onClick={() => setGenerating(true)}>
          Generate API key
        </Button>
      </div>
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
        <KeysTable appName={app.name} keys={list.keys} />
      )}
      {generating ? <GenerateKeyDialog app={app} onClose={() => setGenerating(false)} /> : null}
    </div>
  );
}
