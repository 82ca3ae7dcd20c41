import type { LookupFunction } from 'node:net';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import type { HistoryOutcome, SavedRequest } from '../../../shared/console/history';
import type { ConsoleRequest, ConsoleResponse } from '../../../shared/console/request';
import { envVarName, snippetFor, type SnippetTarget } from '../../../shared/console/snippets';
import { systemClock, type Clock } from '../clock';
import { CoreError } from '../errors';
import { openConsoleDb, type ConsoleDb } from './console-db';
import { ConsoleRequests } from './console-requests';
import { ConsoleHistory } from './history';
import { sendRequest } from './send-request';

/** What the console needs of the vaults: the core's EntryService fits. */
export interface ConsoleEntries {
  reveal(entryId: string): { secret: string };
  get(entryId: string): { name: string; service: string; allowedHosts: readonly string[]; scheme: HeaderScheme };
}

export interface ConsoleServiceOptions {
  clock?: Clock;
  newId?: () => string;
  /** `Keyhaven/<version>`, sent when the request has no User-Agent row. */
  userAgent?: string;
  /** DNS lookup override, for tests. */
  lookup?: LookupFunction;
}

/**
 * The request console in the core (issue 5): Send (with Cancel), history and saved requests, and
 * snippets that need a vault entry's key. What the `console:*` channels call.
 */
export class ConsoleService {
  readonly requests = new ConsoleRequests();
  readonly history: ConsoleHistory;

  private constructor(
    private readonly db: ConsoleDb,
    private readonly entries: ConsoleEntries,
    private readonly options: ConsoleServiceOptions,
  ) {
    this.history = new ConsoleHistory(db, options.clock ?? systemClock, options.newId);
  }

  static async open(
    dataDir: string,
    entries: ConsoleEntries,
    options: ConsoleServiceOptions = {},
  ): Promise<ConsoleService> {
    return new ConsoleService(await openConsoleDb(dataDir), entries, options);
  }

  /**
   * Sends the request under `requestId` (cancel(requestId) stops it) and records it in history,
   * whether it answered or failed; a failure is rethrown after it is recorded.
   */
  async send(requestId: string, request: ConsoleRequest): Promise<ConsoleResponse> {
    let sentKey: string | null = request.auth.kind === 'typed' ? request.auth.key : null;
    const record = (outcome: HistoryOutcome) => this.history.add(request, outcome, sentKey);
    try {
      const response = await this.requests.run(requestId, (signal) =>
        sendRequest(request, {
          signal,
          revealSecret: (entryId) => (sentKey = this.entries.reveal(entryId).secret),
          allowedHostsOf: (entryId) => this.entries.get(entryId).allowedHosts,
          ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
          ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
        }),
      );
      await record({
        kind: 'response',
        status: response.status,
        statusText: response.statusText,
        timeMs: response.timeMs,
        sizeBytes: response.sizeBytes,
      });
      return response;
    } catch (error) {
      if (error instanceof CoreError && error.code !== 'CONFLICT') {
        await record({ kind: 'error', code: error.code, message: error.message }).catch(() => undefined);
      }
      throw error;
    } finally {
      sentKey = null;
    }
  }

  cancel(requestId: string): { cancelled: boolean } {
    return { cancelled: this.requests.cancel(requestId) };
  }

  /** Saves under a name; the group defaults to the entry's service, else the URL's host. */
  saveRequest(input: { name: string; group?: string; request: ConsoleRequest }): Promise<SavedRequest> {
    return this.history.save(
      { name: input.name, group: input.group ?? this.defaultGroup(input.request), request: input.request },
      this.keyToStrip(input.request),
    );
  }

  updateSaved(input: { id: string; name?: string; group?: string; request?: ConsoleRequest }): Promise<SavedRequest> {
    const { id, request, ...rest } = input;
    return this.history.updateSaved(
      id,
      { ...rest, ...(request ? { request } : {}) },
      request ? this.keyToStrip(request) : null,
    );
  }

  /**
   * A snippet for the current request. The key is an environment variable reference named after the
   * entry's service (`PYAS_API_KEY`) or the host, unless `includeKey`: then a vault entry's key is
   * revealed here, in main, and the snippet carries it (the console warns before asking).
   */
  async snippet(input: { request: ConsoleRequest; target: SnippetTarget; includeKey: boolean }): Promise<{
    code: string;
    envVar: string | null;
  }> {
    const { request, target, includeKey } = input;
    const auth = request.auth;
    if (auth.kind === 'none') return { code: await snippetFor(request, target, { envVar: 'API_KEY' }), envVar: null };
    const envVar =
      auth.kind === 'entry' ? envVarName(this.entries.get(auth.entryId).service) : envVarName(hostLabel(request.url));
    if (!includeKey) return { code: await snippetFor(request, target, { envVar }), envVar };
    const key = auth.kind === 'typed' ? auth.key : this.entries.reveal(auth.entryId).secret;
    return { code: await snippetFor(request, target, { includeKey: key }), envVar: null };
  }

  /** Cancels what is running and closes console.json. */
  /** Another process changed console.json (history or saved requests) and this one caught up. */
  onExternalChange(listener: () => void): () => void {
    return this.db.onExternalChange(listener);
  }

  async close(): Promise<void> {
    this.requests.cancelAll();
    await this.db.close();
  }

  private defaultGroup(request: ConsoleRequest): string {
    if (request.auth.kind === 'entry') {
      try {
        return this.entries.get(request.auth.entryId).service;
      } catch {
        // The entry is gone: fall back to the host.
      }
    }
    return new URL(request.url).hostname || 'Other';
  }

  /** The key a request would send, to strip it from what is stored; a locked entry's key is unknown here. */
  private keyToStrip(request: ConsoleRequest): string | null {
    if (request.auth.kind === 'typed') return request.auth.key;
    if (request.auth.kind !== 'entry') return null;
    try {
      return this.entries.reveal(request.auth.entryId).secret;
    } catch {
      return null;
    }
  }
}

/** `api.pyas.com` → `pyas`; `localhost` → ``, so the variable is API_KEY. */
function hostLabel(url: string): string {
  const labels = new URL(url).hostname.split('.').filter((label) => label !== '');
  if (labels.length < 2 || labels.every((label) => /^\d+$/.test(label))) return '';
  return labels[labels.length - 2] ?? '';
}
