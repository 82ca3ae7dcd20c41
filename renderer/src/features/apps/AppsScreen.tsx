import { LayoutGrid } from 'lucide-react';
import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApps } from '../../stores/apps-store';
import { AppList } from './AppList';
import { NewAppDialog } from './NewAppDialog';
import './apps.css';

export function AppsScreen() {
  const { apps, loaded, loading, error, load } = useApps();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Apps"
        description="API keys belong to an app. Each app has its own key prefix, keys and activity."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            + New App
          </Button>
        }
      />
      {error && !loaded ? (
        <Banner
          tone="danger"
          title="Keyhaven could not load your apps"
          action={
            <Button size="sm" busy={loading} onClick={() => void load()}>
              Try again
            </Button>
          }
        >
          <p>{error.message}</p>
        </Banner>
      ) : !loaded ? (
        <SkeletonRows label="Loading apps…" />
      ) : apps.length === 0 ? (
        <EmptyState icon={LayoutGrid} title="No apps yet">
          <p>
            Create an app for each service or project you issue API keys for. Click <strong>+ New App</strong> to create
            your first one; its keys will start with a prefix taken from its name.
          </p>
        </EmptyState>
      ) : (
        <AppList apps={apps} />
      )}
      {creating ? <NewAppDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
