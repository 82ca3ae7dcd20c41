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

  private readonly pending = new Set<Promise<unknown>>();

  /** Keeps a write that nobody awaits, so settled() can; a failure goes to `onError`, never unhandled. */
  track(write: Promise<unknown>, onError: (error: unknown) => void): void {
    const tracked = write.catch(onError).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Resolves once every tracked write has landed (or failed): before history is read or closed. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Newest first. */
  list(): HistoryItem[] {
    return [...this.db.snapshot().history].reverse();
  }

  /** Newest first, one line each (the newest `limit` when given): what the list shows. */
  summaries(limit?: number): HistorySummary[] {
    const history = this.db.snapshot().history;
    const count = Math.min(history.length, limit ?? history.length);
    const out: HistorySummary[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = historySummaryOf(history[history.length - 1 - i] as HistoryItem);
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
