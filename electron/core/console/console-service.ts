import type { LookupFunction } from 'node:net';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import type { SavedRequest } from '../../../shared/console/collections';
import type { HistoryOutcome } from '../../../shared/console/history';
import type { ImportPreview, ImportResult, ImportSource } from '../../../shared/console/transfer';
import type { ConsoleRequest, ConsoleResponse } from '../../../shared/console/request';
import { envVarName, SNIPPET_LABELS, snippetFor, type SnippetTarget } from '../../../shared/console/snippets';
import { hasVariables } from '../../../shared/console/variables';
import { systemClock, type Clock } from '../clock';
import { CoreError } from '../errors';
import { openConsoleDb, type ConsoleDb } from './console-db';
import { exportFolder } from './collection-export';
import { previewImport, readSource, writeImport } from './collection-transfer';
import { ConsoleCollections } from './collections';
import { ConsoleRequests } from './console-requests';
import { ConsoleEnvironments } from './environments';
import { ConsoleHistory } from './history';
import { fillVariables, type ReferenceReader } from './request-variables';
import { sendRequest } from './send-request';

/**
 * What the console needs of the vaults: the core's EntryService, `kh://` references for variables,
 * and the activity record of the vault keys a Send read (`variable` null: the request's Authentication).
 */
export interface ConsoleEntries extends ReferenceReader {
  reveal(entryId: string): { secret: string };
  get(entryId: string): { name: string; service: string; allowedHosts: readonly string[]; scheme: HeaderScheme };
  recordSent(keys: readonly SentVaultKey[], method: string, url: string): Promise<void>;
  /** A snippet that carries the entry's key (`where`: e.g. "in a curl snippet"). */
  recordShown(entryId: string, where: string): Promise<void>;
}

export interface SentVaultKey {
  entryId: string;
  variable: string | null;
}

export interface ConsoleServiceOptions {
  clock?: Clock;
  newId?: () => string;
  /** `Keyhaven/<version>`, sent when the request has no User-Agent row. */
  userAgent?: string;
  /** Where a history write that failed is reported (it never fails the request it records). */
  logError?: (line: string) => void;
  /** DNS lookup override, for tests. */
  lookup?: LookupFunction;
}

/**
 * The request console in the core (issues 5, 13): Send (with Cancel) with the chosen environment's
 * variables filled in, history, collections, environments, and snippets that need a vault entry's
 * key. What the `console:*` channels call.
 */
export class ConsoleService {
  readonly requests = new ConsoleRequests();
  readonly history: ConsoleHistory;
  readonly collections: ConsoleCollections;
  readonly environments: ConsoleEnvironments;

  private constructor(
    private readonly db: ConsoleDb,
    private readonly entries: ConsoleEntries,
    private readonly options: ConsoleServiceOptions,
  ) {
    const clock = options.clock ?? systemClock;
    this.history = new ConsoleHistory(db, clock, options.newId);
    this.collections = new ConsoleCollections(db, clock, options.newId);
    this.environments = new ConsoleEnvironments(db, clock, options.newId);
  }

  static async open(
    dataDir: string,
    entries: ConsoleEntries,
    options: ConsoleServiceOptions = {},
  ): Promise<ConsoleService> {
    return new ConsoleService(await openConsoleDb(dataDir), entries, options);
  }

  /**
   * Sends the request under `requestId` (cancel(requestId) stops it), with its `{{variables}}` filled
   * in from the chosen environment, and records it in history as written, whether it answered or
   * failed; a failure is rethrown. The history line is written while the answer goes back (its fsync
   * is most of the console's overhead): the request is sanitized before this returns, and readers of
   * history wait for it (ConsoleHistory.settled).
   */
  async send(requestId: string, request: ConsoleRequest): Promise<ConsoleResponse> {
    const sentKeys: string[] = request.auth.kind === 'typed' ? [request.auth.key] : [];
    // Which vault keys were read, and where the request went once filled in: for the activity record.
    const vaultKeys: SentVaultKey[] = [];
    let target = { method: request.method as string, url: request.url };
    const record = (outcome: HistoryOutcome) =>
      this.history.track(this.history.add(request, outcome, sentKeys), (error) =>
        this.options.logError?.(`Keyhaven could not add a request to the console's history: ${errorText(error)}`),
      );
    let response: ConsoleResponse;
    try {
      response = await this.requests.run(requestId, (signal) => {
        const filled = fillVariables(request, this.environments.active(), this.entries);
        sentKeys.push(...filled.secrets);
        vaultKeys.push(...filled.readEntries);
        target = { method: filled.request.method, url: filled.request.url };
        return sendRequest(filled.request, {
          signal,
          secrets: filled.secrets,
          revealSecret: (entryId) => {
            const secret = this.entries.reveal(entryId).secret;
            sentKeys.push(secret);
            vaultKeys.push({ entryId, variable: null });
            return secret;
          },
          allowedHostsOf: (entryId) => this.entries.get(entryId).allowedHosts,
          ...(this.options.userAgent ? { userAgent: this.options.userAgent } : {}),
          ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
        });
      });
    } catch (error) {
      // A key read for a request that then failed may have left: recorded too, without hiding the failure.
      await this.entries
        .recordSent(vaultKeys, target.method, target.url)
        .catch((recordError: unknown) =>
          this.options.logError?.(`Keyhaven could not record a vault key sent: ${errorText(recordError)}`),
        );
      if (error instanceof CoreError && error.code !== 'CONFLICT') {
        record({ kind: 'error', code: error.code, message: error.message });
      }
      sentKeys.length = 0;
      throw error;
    }
    record({
      kind: 'response',
      status: response.status,
      statusText: response.statusText,
      timeMs: response.timeMs,
      sizeBytes: response.sizeBytes,
    });
    sentKeys.length = 0;
    // As every read of a vault key: a record that cannot be committed fails the call.
    await this.entries.recordSent(vaultKeys, target.method, target.url);
    return response;
  }

  cancel(requestId: string): { cancelled: boolean } {
    return { cancelled: this.requests.cancel(requestId) };
  }

  /** Save as: into `folderId`, or the collection named after the entry's service (else the URL's host). */
  saveRequest(input: { name: string; folderId?: string; request: ConsoleRequest }): Promise<SavedRequest> {
    const place = input.folderId ? { folderId: input.folderId } : { collection: this.defaultCollection(input.request) };
    return this.collections.save({ name: input.name, request: input.request, place }, this.keysToStrip(input.request));
  }

  /** Save: the saved request takes the edited one. */
  updateSaved(input: { id: string; name?: string; request?: ConsoleRequest }): Promise<SavedRequest> {
    const { id, request, ...rest } = input;
    return this.collections.update(
      id,
      { ...rest, ...(request ? { request } : {}) },
      request ? this.keysToStrip(request) : [],
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
    const code = await snippetFor(request, target, { includeKey: key });
    // The vault key goes to the page inside the snippet: recorded as a Show is.
    if (auth.kind === 'entry') await this.entries.recordShown(auth.entryId, `in a ${SNIPPET_LABELS[target]} snippet`);
    return { code, envVar: null };
  }

  /** What importing this file or folder would bring (nothing is written). */
  previewImport(source: ImportSource): ImportPreview {
    return previewImport(source);
  }

  /** Imports a Postman, Insomnia, Bruno or OpenAPI collection as a new collection, with its environments. */
  async importCollection(source: ImportSource, entryId: string | null): Promise<ImportResult> {
    // The entry must exist (its scheme is per request, so only its presence is checked).
    if (entryId !== null) this.entries.get(entryId);
    return writeImport(this.db, readSource(source), entryId, this.options.clock, this.options.newId);
  }

  /** A collection or folder as a Postman v2.1 file, with no key in it. */
  exportCollection(folderId: string): { fileName: string; text: string } {
    return exportFolder(this.collections.view(), folderId, this.environments.active());
  }

  /** Another process changed console.json (history or saved requests) and this one caught up. */
  onExternalChange(listener: () => void): () => void {
    return this.db.onExternalChange(listener);
  }

  /** Cancels what is running and closes console.json. */
  async close(): Promise<void> {
    this.requests.cancelAll();
    await this.history.settled();
    await this.db.close();
  }

  private defaultCollection(request: ConsoleRequest): string {
    if (request.auth.kind === 'entry') {
      try {
        return this.entries.get(request.auth.entryId).service;
      } catch {
        // The entry is gone: fall back to the host.
      }
    }
    return hasVariables(request.url) ? 'Requests' : new URL(request.url).hostname || 'Requests';
  }

  /** The key a request would send, to strip it from what is stored; a locked entry's key is unknown here. */
  private keysToStrip(request: ConsoleRequest): string[] {
    if (request.auth.kind === 'typed') return [request.auth.key];
    if (request.auth.kind !== 'entry') return [];
    try {
      return [this.entries.reveal(request.auth.entryId).secret];
    } catch {
      return [];
    }
  }
}

/** `api.pyas.com` → `pyas`; `localhost` → ``, so the variable is API_KEY. */
function hostLabel(url: string): string {
  const labels = new URL(url).hostname.split('.').filter((label) => label !== '');
  if (labels.length < 2 || labels.every((label) => /^\d+$/.test(label))) return '';
  return labels[labels.length - 2] ?? '';
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
