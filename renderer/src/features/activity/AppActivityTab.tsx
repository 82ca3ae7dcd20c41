import { useEffect } from 'react';
import { EMPTY_FEED, useActivity } from '../../stores/activity-store';
import { ActivityTable } from './ActivityTable';
import { ChainStatus } from './ChainStatus';
import './activity.css';

export function AppActivityTab({ appId }: { appId: string }) {
  const feed = useActivity((s) => s.feeds[appId] ?? EMPTY_FEED);
  const load = useActivity((s) => s.load);

  useEffect(() => {
    void load(appId);
  }, [appId, load]);

  return (
    <div className="activity">
      <ChainStatus />
      <ActivityTable
        feed={feed}
        caption="Activity of this app, newest first"
        onRetry={() => void load(appId)}
        emptyText="Creating this app and generating its keys are recorded here. Secrets never are."
      />
    </div>
  );
}
