import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { ALL, EMPTY_FEED, useActivity } from '../../stores/activity-store';
import { useApps } from '../../stores/apps-store';
import { ActivityTable } from './ActivityTable';
import { ChainStatus } from './ChainStatus';
import './activity.css';

/** Everything that happened, across all apps. */
export function ActivityScreen() {
  const feed = useActivity((s) => s.feeds[ALL] ?? EMPTY_FEED);
  const load = useActivity((s) => s.load);
  const apps = useApps((s) => s.apps);

  useEffect(() => {
    void load();
  }, [load]);

  const appName = (appId: string) => apps.find((app) => app.id === appId)?.name ?? 'Unknown app';

  return (
    <>
      <PageHeader
        title="Activity"
        description="What happened across all your apps, newest first. Keyhaven never records a secret here."
      />
      <div className="activity">
        <ChainStatus />
        <ActivityTable
          feed={feed}
          caption="Activity across all apps, newest first"
          onRetry={() => void load()}
          appName={appName}
          emptyText="Creating apps and generating API keys are recorded here."
        />
      </div>
    </>
  );
}
