import type { HistorySummary } from '../../../../../shared/console/history';
import { formatDay } from '../../../lib/time';

/** A row of the history list: a day's heading or a request. */
export type HistoryRow =
  { kind: 'day'; label: string; key: string } | { kind: 'item'; item: HistorySummary; key: string };

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/** History (newest first) as rows with a heading before each day's first request, filtered by method or URL. */
export function historyRows(items: readonly HistorySummary[], now: Date, filter = ''): HistoryRow[] {
  const needle = filter.trim().toLowerCase();
  const rows: HistoryRow[] = [];
  let day = '';
  for (const item of items) {
    if (needle !== '' && !`${item.method} ${item.url}`.toLowerCase().includes(needle)) continue;
    const at = new Date(item.at);
    const key = dayKey(at);
    if (key !== day) {
      day = key;
      rows.push({ kind: 'day', label: formatDay(at, now), key: `day-${key}` });
    }
    rows.push({ kind: 'item', item, key: item.id });
  }
  return rows;
}
