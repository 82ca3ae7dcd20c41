import { History, SearchX } from 'lucide-react';
import type { ActivityListItem } from '../../../../shared/domain/activity';
import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { RelativeTime } from '../../components/RelativeTime';
import { SelectField } from '../../components/SelectField';
import { Table, type Column } from '../../components/Table';
import type { ActivityFeed } from '../../stores/activity-store';
import { EVENT_FILTER_OPTIONS, EVENT_LABELS, type EventFilter } from './activity-labels';
import { groupRepeats, type ActivityRow } from './activity-rows';

interface ActivityTableProps {
  feed: ActivityFeed;
  caption: string;
  onRetry: () => void;
  /** Adds an App column (global feed); returns the app's name for a record. */
  appName?: (appId: string) => string;
  emptyText: string;
}

const HOUR_MS = 3_600_000;

/** A provisional record's hour is the current one until the clock passes its end. */
const isThisHour = (iso: string, now: number): boolean => Date.parse(iso) + HOUR_MS > now;

const TIME: Column<ActivityRow> = {
  id: 'time',
  header: 'Time',
  cell: ({ record }) =>
    record.provisional && isThisHour(record.at, Date.now()) ? (
      <time dateTime={record.at}>This hour</time>
    ) : (
      <RelativeTime iso={record.at} />
    ),
  className: 'cell-time',
};
const EVENT: Column<ActivityRow> = {
  id: 'event',
  header: 'Event',
  cell: ({ record, repeats, firstAt }) => (
    <span className="activity-event">
      <span className="activity-event__type">{EVENT_LABELS[record.type]}</span>
      <span>{record.summary}</span>
      {record.provisional ? (
        <span className="activity-event__note">
          {isThisHour(record.at, Date.now())
            ? 'So far: sealed into the log as one record when the hour ends'
            : 'Hour over: sealed into the log at the next verification or quit'}
        </span>
      ) : null}
      {repeats > 1 ? (
        <span className="activity-event__note">
          {repeats} times, since <RelativeTime iso={firstAt} />
        </span>
      ) : null}
      {record.actor === 'cli' ? <span className="activity-event__actor muted">by the command line</span> : null}
    </span>
  ),
};
const KEY: Column<ActivityRow> = {
  id: 'key',
  header: 'Key',
  cell: ({ record }) =>
    record.keyLabel ? <code className="key-chip">{record.keyLabel}</code> : <span className="muted">—</span>,
  className: 'cell-key',
};

/** "3 of 10 records": records of the log; this hour's verifications so far are not (yet) among them. */
function recordCount(shown: readonly ActivityListItem[], all: readonly ActivityListItem[]): string {
  const logged = (list: readonly ActivityListItem[]) => list.filter((record) => !record.provisional).length;
  const total = logged(all);
  const soFar = shown.length - logged(shown);
  const counted = soFar > 0 ? `, and ${soFar} ${soFar === 1 ? 'key' : 'keys'} verified this hour so far` : '';
  return `${logged(shown)} of ${total} ${total === 1 ? 'record' : 'records'}${counted}`;
}

/** A provisional record has no number: its key and hour name it. */
const rowKey = ({ record }: ActivityRow): string =>
  record.provisional ? `so-far:${record.issuedKeyId ?? ''}:${record.at}` : String(record.seq);

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
  const app: Column<ActivityRow> | null = appName
    ? {
        id: 'app',
        header: 'App',
        cell: ({ record: r }) => (r.appId === null ? <span className="muted">Vaults</span> : appName(r.appId)),
        className: 'cell-strong',
      }
    : null;
  const columns = app ? [TIME, app, EVENT, KEY] : [TIME, EVENT, KEY];
  return (
    <>
      <div className="activity-filters">
        <SelectField label="Event" value={event} options={EVENT_FILTER_OPTIONS} onChange={setEvent} />
        <p role="status" className="muted">
          {recordCount(records, feed.records)}
        </p>
      </div>
      {records.length === 0 ? (
        <EmptyState icon={SearchX} title="No matching activity">
          <p>Nothing of this kind was recorded here yet.</p>
        </EmptyState>
      ) : (
        <Table caption={caption} columns={columns} rows={groupRepeats(records)} rowKey={rowKey} />
      )}
    </>
  );
}
