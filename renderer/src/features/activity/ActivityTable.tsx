import { History } from 'lucide-react';
import type { ActivityRecord } from '../../../../shared/domain/activity';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { RelativeTime } from '../../components/RelativeTime';
import { Table, type Column } from '../../components/Table';
import type { ActivityFeed } from '../../stores/activity-store';

interface ActivityTableProps {
  feed: ActivityFeed;
  caption: string;
  onRetry: () => void;
  /** Adds an App column (global feed); returns the app's name for a record. */
  appName?: (appId: string) => string;
  emptyText: string;
}

const TIME: Column<ActivityRecord> = {
  id: 'time',
  header: 'Time',
  cell: (record) => <RelativeTime iso={record.at} />,
  className: 'cell-time',
};
const SUMMARY: Column<ActivityRecord> = { id: 'summary', header: 'Event', cell: (record) => record.summary };

/** An activity feed, newest first (the core's order), with its loading, error and empty states. */
export function ActivityTable({ feed, caption, onRetry, appName, emptyText }: ActivityTableProps) {
  if (feed.error && !feed.loaded) {
    return (
      <Banner
        tone="danger"
        title="Keyhaven could not load the activity"
        action={
          <Button size="sm" busy={feed.loading} onClick={onRetry}>
            Try again
          </Button>
        }
      >
        <p>{feed.error.message}</p>
      </Banner>
    );
  }
  if (!feed.loaded) return <SkeletonRows label="Loading activity…" />;
  if (feed.records.length === 0) {
    return (
      <EmptyState icon={History} title="No activity yet">
        <p>{emptyText}</p>
      </EmptyState>
    );
  }
  const columns = appName
    ? [
        TIME,
        { id: 'app', header: 'App', cell: (r: ActivityRecord) => appName(r.appId), className: 'cell-strong' },
        SUMMARY,
      ]
    : [TIME, SUMMARY];
  return <Table caption={caption} columns={columns} rows={feed.records} rowKey={(record) => record.id} />;
}
