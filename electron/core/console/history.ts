import { randomUUID } from 'node:crypto';
import {
  HISTORY_BODY_MAX_BYTES,
  SAVED_BODY_MAX_BYTES,
  SAVED_MAX,
  type HistoryItem,
  type HistoryOutcome,
  type SavedRequest,
} from '../../../shared/console/history';
import type { ConsoleRequest } from '../../../shared/console/request';
import { systemClock, type Clock } from '../clock';
import { CoreError, notFound } from '../errors';
import type { ConsoleDb } from './console-db';
import { sanitizeRequest } from './sanitize';

/**
 * History (the last 500 requests, newest first) and saved requests, kept in `console.json`
 * (console-db.ts). Every request goes through sanitizeRequest before it reaches an op: `key` is the
 * key that was (or would be) sent, so it is taken out wherever the user also typed it.
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

  get(id: string): HistoryItem {
    const item = this.db.snapshot().history.find((candidate) => candidate.id === id);
    if (!item) throw notFound('This history item');
    return item;
  }

  async add(request: ConsoleRequest, outcome: HistoryOutcome, key: string | null): Promise<HistoryItem> {
    const sanitized = sanitizeRequest(request, key, HISTORY_BODY_MAX_BYTES);
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

  /** Grouped by service, then by name. */
  listSaved(): SavedRequest[] {
    return [...this.db.snapshot().saved].sort(
      (a, b) =>
        a.group.localeCompare(b.group) || a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt),
    );
  }

  getSaved(id: string): SavedRequest {
    const saved = this.db.snapshot().saved.find((candidate) => candidate.id === id);
    if (!saved) throw notFound('This saved request');
    return saved;
  }

  async save(
    input: { name: string; group: string; request: ConsoleRequest },
    key: string | null,
  ): Promise<SavedRequest> {
    const sanitized = this.sanitizeForSaving(input.request, key);
    const now = this.clock.now().toISOString();
    const saved: SavedRequest = {
      id: this.newId(),
      name: input.name,
      group: input.group,
      request: sanitized.request,
      secretsRemoved: sanitized.secretsRemoved,
      createdAt: now,
      updatedAt: now,
    };
    return this.db.commit((data) => {
      if (data.saved.length >= SAVED_MAX) {
        throw new CoreError('INVALID_INPUT', `At most ${SAVED_MAX} saved requests: delete some first.`);
      }
      return { ops: [{ type: 'saved.insert', saved }], result: saved };
    });
  }

  async updateSaved(
    id: string,
    change: { name?: string; group?: string; request?: ConsoleRequest },
    key: string | null,
  ): Promise<SavedRequest> {
    const sanitized = change.request ? this.sanitizeForSaving(change.request, key) : null;
    const patch = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.group !== undefined ? { group: change.group } : {}),
      ...(sanitized ? { request: sanitized.request, secretsRemoved: sanitized.secretsRemoved } : {}),
      updatedAt: this.clock.now().toISOString(),
    };
    return this.db.commit((data) => {
      const current = data.saved.find((candidate) => candidate.id === id);
      if (!current) throw notFound('This saved request');
      return { ops: [{ type: 'saved.patch', id, patch }], result: { ...current, ...patch } };
    });
  }

  rename(id: string, name: string): Promise<SavedRequest> {
    return this.updateSaved(id, { name }, null);
  }

  async deleteSaved(id: string): Promise<void> {
    await this.db.commit((data) => {
      if (!data.saved.some((saved) => saved.id === id)) throw notFound('This saved request');
      return { ops: [{ type: 'saved.delete', id }], result: undefined };
    });
  }

  private sanitizeForSaving(request: ConsoleRequest, key: string | null) {
    const sanitized = sanitizeRequest(request, key, SAVED_BODY_MAX_BYTES);
    if (sanitized.bodyOmittedBytes !== null) {
      throw new CoreError('INVALID_INPUT', 'A saved request can have a body of at most 1 MB.');
    }
    return sanitized;
  }
}
