import { History, SearchX } from 'lucide-react';
import { useState } from 'react';
import type { ActivityRecord } from '../../../../shared/domain/activity';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { RelativeTime } from '../../components/RelativeTime';
import { SelectField } from '../../components/SelectField';
import { Table, type Column } from '../../components/Table';
import type { ActivityFeed } from '../../stores/activity-store';
import { EVENT_FILTER_OPTIONS, EVENT_LABELS, type EventFilter } from './activity-labels';

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
const EVENT: Column<ActivityRecord> = {
  id: 'event',
  header: 'Event',
  cell: (record) => (
    <span className="activity-event">
      <span className="activity-event__type">{EVENT_LABELS[record.type]}</span>
      <span>{record.summary}</span>
      {record.actor === 'cli' ? <span className="activity-event__actor muted">by the command line</span> : null}
    </span>
  ),
};
const KEY: Column<ActivityRecord> = {
  id: 'key',
  header: 'Key',
  cell: (record) =>
    record.keyLabel ? <code className="key-chip">{record.keyLabel}</code> : <span className="muted">—</span>,
  className: 'cell-key',
};

/** An activity feed, newest first (the core's order), filterable by event, with its loading, error and empty states. */
export function ActivityTable({ feed, caption, onRetry, appName, emptyText }: ActivityTableProps) {
  const [event, setEvent] = useState<EventFilter>('all');
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
  const records = event === 'all' ? feed.records : feed.records.filter((record) => record.type === event);
  const app: Column<ActivityRecord> | null = appName
    ? {
        id: 'app',
        header: 'App',
        cell: (r) => (r.appId === null ? <span className="muted">Vaults</span> : appName(r.appId)),
        className: 'cell-strong',
      }
    : null;
  const columns = app ? [TIME, app, EVENT, KEY] : [TIME, EVENT, KEY];
  return (
    <>
      <div className="activity-filters">
        <SelectField label="Event" value={event} options={EVENT_FILTER_OPTIONS} onChange={setEvent} />
        <p role="status" className="muted">
          {records.length} of {feed.records.length} {feed.records.length === 1 ? 'record' : 'records'}
        </p>
      </div>
      {records.length === 0 ? (
        <EmptyState icon={SearchX} title="No matching activity">
          <p>Nothing of this kind was recorded here yet.</p>
        </EmptyState>
      ) : (
        <Table caption={caption} columns={columns} rows={records} rowKey={(record) => String(record.seq)} />
      )}
    </>
  );
}
