import { randomUUID } from 'node:crypto';
import {
  HISTORY_BODY_MAX_BYTES,
  historySummaryOf,
  type HistoryItem,
  type HistoryOutcome,
  type HistorySummary,
} from '../../../shared/console/history';
import type { ConsoleRequest } from '../../../shared/console/request';
import { systemClock, type Clock } from '../clock';
import { notFound } from '../errors';
import type { ConsoleDb } from './console-db';
import { sanitizeRequest } from './sanitize';

/**
 * History (the last 10,000 requests, newest first), kept in `console.json` (console-db.ts). Every
 * request goes through sanitizeRequest before it reaches an op: `keys` are the keys that were sent
 * (typed, an entry's, or read for `{{variables}}`), so they are taken out wherever the user also
 * typed them. The request kept is the one as written: `{{apiKey}}`, not what it stood for.
 */
export class ConsoleHistory {
  constructor(
    private readonly db: ConsoleDb,
    private readonly clock: Clock = systemClock,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Newest first. */
  list(): HistoryItem[] {
    return [...this.db.snapshot().history].reverse();
  }

  /** Newest first, one line each: what the list shows. */
  summaries(): HistorySummary[] {
    const history = this.db.snapshot().history;
    const out: HistorySummary[] = new Array(history.length);
    for (let i = 0; i < history.length; i++) out[history.length - 1 - i] = historySummaryOf(history[i] as HistoryItem);
    return out;
  }

  get(id: string): HistoryItem {
    const item = this.db.snapshot().history.find((candidate) => candidate.id === id);
    if (!item) throw notFound('This history item');
    return item;
  }

  async add(request: ConsoleRequest, outcome: HistoryOutcome, keys: readonly string[]): Promise<HistoryItem> {
    const sanitized = sanitizeRequest(request, keys, HISTORY_BODY_MAX_BYTES);
    const item: HistoryItem = {
      id: this.newId(),
      at: this.clock.now().toISOString(),
      request: sanitized.request,
      outcome,
      secretsRemoved: sanitized.secretsRemoved,
      bodyOmittedBytes: sanitized.bodyOmittedBytes,
    };
    await this.db.commit(() => ({ ops: [{ type: 'history.add', item }], result: undefined }));
    return item;
  }

  async remove(id: string): Promise<void> {
    await this.db.commit((data) => {
      if (!data.history.some((item) => item.id === id)) throw notFound('This history item');
      return { ops: [{ type: 'history.delete', id }], result: undefined };
    });
  }

  async clear(): Promise<{ cleared: number }> {
    return this.db.commit((data) => ({ ops: [{ type: 'history.clear' }], result: { cleared: data.history.length } }));
  }
}
