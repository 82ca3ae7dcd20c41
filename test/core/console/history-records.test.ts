// Console history and saved requests: the last 500, removal and regrouping, large bodies, Cancel, snippets.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleService } from '../../../electron/core/console/console-service';
import { applyConsoleOp, emptyConsoleFile } from '../../../electron/core/console/console-db';
import { HISTORY_MAX, type HistoryItem } from '../../../shared/console/history';
import {
  clock,
  closeConsole,
  entries,
  entryId,
  KEY,
  openConsole,
  PLAIN_KEY,
  requestTo,
  typed,
  type ConsoleFixture,
} from './history-fixture';
import { startServer, type TestServer } from './servers';

let dir: ConsoleFixture['dir'];
let api: TestServer;
let service: ConsoleService;

beforeEach(async () => {
  ({ dir, api, service } = await openConsole());
});
afterEach(() => closeConsole({ dir, api, service }));

const request = requestTo(() => api);
const sanitizedRequest = {
  method: 'GET' as const,
  url: '',
  query: [],
  headers: [],
  body: { kind: 'none' as const },
  auth: { kind: 'none' as const },
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  allowSelfSignedLocalhost: false,
};

describe('console history', () => {
  it(`keeps the last ${HISTORY_MAX}, oldest out first`, () => {
    const data = emptyConsoleFile();
    const item = (n: number): HistoryItem => ({
      id: randomUUID(),
      at: new Date(n * 1000).toISOString(),
      request: { ...sanitizedRequest, url: `${api.origin}/n/${n}` },
      outcome: { kind: 'response', status: 200, statusText: 'OK', timeMs: 1, sizeBytes: 2 },
      secretsRemoved: false,
      bodyOmittedBytes: null,
    });
    for (let n = 0; n < HISTORY_MAX + 5; n++) applyConsoleOp(data, { type: 'history.add', item: item(n) });
    expect(data.history).toHaveLength(HISTORY_MAX);
    expect(data.history[0]!.request.url).toBe(`${api.origin}/n/5`);
    expect(data.history.at(-1)!.request.url).toBe(`${api.origin}/n/${HISTORY_MAX + 4}`);
  });

  it('lists summaries newest first and keeps them across a reopen', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await service.history.add(
        request({ url: `${api.origin}/n/${i}` }),
        { kind: 'response', status: 200, statusText: 'OK', timeMs: 1, sizeBytes: 2 },
        [],
      );
    }
    const summaries = service.history.summaries();
    expect(summaries.map((item) => item.url)).toEqual([2, 1, 0].map((n) => `${api.origin}/n/${n}`));
    expect(summaries[0]).toMatchObject({ method: 'GET', outcome: { status: 200 } });
    expect(service.history.get(summaries[0]!.id).request.url).toBe(`${api.origin}/n/2`);
    await service.close();
    service = await ConsoleService.open(dir.path, entries, { clock });
    expect(service.history.summaries()).toEqual(summaries);
  });

  it('clears history, deletes one item; saved requests go to a collection per service, rename and delete', async () => {
    await service.send(randomUUID(), request());
    await service.send(randomUUID(), request({ method: 'HEAD' }));
    await service.history.settled(); // the history line is written while the answer returns
    const [newest] = service.history.list();
    await service.history.remove(newest!.id);
    expect(service.history.list().map((item) => item.request.method)).toEqual(['GET']);
    expect(await service.history.clear()).toEqual({ cleared: 1 });
    expect(service.history.list()).toEqual([]);

    const pyas = { auth: { kind: 'entry' as const, entryId, scheme: { kind: 'x-api-key' as const } } };
    const a = await service.saveRequest({ name: 'b-second', request: request(pyas) });
    await service.saveRequest({ name: 'a-first', request: request(pyas) });
    await service.saveRequest({ name: 'z', request: request() });
    const placed = () => {
      const { folders, saved } = service.collections.view();
      return saved.map((s) => `${folders.find((f) => f.id === s.folderId)?.name}/${s.name}`);
    };
    expect(placed()).toEqual(['Pyas/b-second', '127.0.0.1/z', 'Pyas/a-first']);
    clock.advance(60_000);
    const renamed = await service.updateSaved({ id: a.id, name: 'c-third' });
    expect(renamed.updatedAt > a.updatedAt).toBe(true);
    await service.collections.deleteSaved(a.id);
    await expect(service.collections.deleteSaved(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(placed()).toEqual(['127.0.0.1/z', 'Pyas/a-first']);
  });

  it('drops a large body from history but keeps its size; refuses saving a body over 1 MB', async () => {
    const text = JSON.stringify({ data: 'x'.repeat(40_000) });
    await service.send(randomUUID(), request({ method: 'POST', body: { kind: 'json', text } }));
    await service.history.settled(); // the history line is written while the answer returns
    const [item] = service.history.list();
    expect(item!.bodyOmittedBytes).toBe(text.length);
    expect(item!.request.body).toEqual({ kind: 'json', text: '' });
    await expect(
      service.saveRequest({
        name: 'Big',
        request: request({
          method: 'POST',
          body: { kind: 'raw', text: 'y'.repeat(1_100_000), contentType: 'text/plain' },
        }),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('Cancel through the service: the request stops and is recorded as cancelled', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const slow = await startServer(() => arrived());
    try {
      const id = randomUUID();
      const pending = service.send(id, request({ url: `${slow.origin}/slow`, auth: typed(PLAIN_KEY) }));
      await arrival;
      expect(service.cancel(id)).toEqual({ cancelled: true });
      await expect(pending).rejects.toMatchObject({ reason: 'CANCELLED' });
      await service.history.settled(); // the history line is written while the answer returns
      expect(service.history.list()[0]!.outcome).toMatchObject({
        kind: 'error',
        message: 'The request was cancelled.',
      });
    } finally {
      await slow.close();
    }
  });

  it('snippets: the entry service names the variable; include the key reveals it in main', async () => {
    const entryRequest = request({ auth: { kind: 'entry', entryId, scheme: { kind: 'x-api-key' } } });
    const withVar = await service.snippet({ request: entryRequest, target: 'curl', includeKey: false });
    expect(withVar.envVar).toBe('PYAS_API_KEY');
    expect(withVar.code).toContain('"x-api-key: $PYAS_API_KEY"');
    expect(withVar.code).not.toContain(KEY);
    const withKey = await service.snippet({ request: entryRequest, target: 'python', includeKey: true });
    expect(withKey.code).toContain(KEY);
    const typedHost = await service.snippet({
      request: request({ url: 'https://api.extracta.ai/v1', auth: typed(PLAIN_KEY, { kind: 'bearer' }) }),
      target: 'fetch',
      includeKey: false,
    });
    expect(typedHost.envVar).toBe('EXTRACTA_API_KEY');
  });
});
