import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_FILE_NAME } from '../../../electron/core/console/console-db';
import { ConsoleService, type ConsoleEntries } from '../../../electron/core/console/console-service';
import { KEY_REMOVED } from '../../../electron/core/console/sanitize';
import { formatKey } from '../../../electron/core/keys/key-format';
import { openVaults, type Vaults } from '../../../electron/core/vaults/vaults';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import { HISTORY_MAX } from '../../../shared/console/history';
import { consoleRequestSchema, type ConsoleRequestInput } from '../../../shared/console/request';
import { ManualClock } from '../../support/manual-clock';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';
import { startServer, type TestServer } from './servers';
import { folderSeals } from '../../support/folder-seals';

const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
/** Not the auth key: a Keyhaven key pasted into a body, as for POST /v1/keys/verify. */
const OTHER_KEY = formatKey('demo', 'AbCdEfGh');
/** An opaque external key, not Keyhaven-shaped. */
const PLAIN_KEY = 'sk-live-0a1b2c3d4e5f-plain-typed-key';

/** Every file under dir whose bytes hold `text` in clear, percent-encoded, base64, base64url or hex. */
async function filesContaining(dir: string, text: string): Promise<string[]> {
  const raw = Buffer.from(text);
  const needles = [
    raw,
    Buffer.from(encodeURIComponent(text)),
    Buffer.from(raw.toString('base64').slice(0, -2)),
    Buffer.from(raw.toString('base64url').slice(0, -2)),
    Buffer.from(raw.toString('hex')),
  ];
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path).catch(() => null); // a lock file may vanish meanwhile
    if (!bytes) continue;
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}

let dir: { path: string; remove: () => Promise<void> };
let api: TestServer;
let service: ConsoleService;
const clock = new ManualClock();
const entryId = randomUUID();
const entries: ConsoleEntries = {
  reveal: () => ({ secret: KEY }),
  get: () => ({ name: 'Pyas production', service: 'Pyas', allowedHosts: [], scheme: { kind: 'x-api-key' } }),
};

beforeEach(async () => {
  dir = await makeTempDir('keyhaven-console');
  api = await startServer();
  service = await ConsoleService.open(dir.path, entries, { clock });
});
afterEach(async () => {
  await service.close().catch(() => undefined);
  await api.close();
  await dir.remove();
});

const request = (input: Partial<ConsoleRequestInput> = {}) =>
  consoleRequestSchema.parse({ method: 'GET', url: `${api.origin}/v1/whoami`, ...input });
const typed = (key: string, scheme: HeaderScheme = { kind: 'x-api-key' }) => ({ kind: 'typed' as const, key, scheme });

describe('console history', () => {
  it('never contains a typed key, wherever the user also wrote it (all files: data, journal, backups)', async () => {
    const everywhere = (key: string) =>
      request({
        method: 'POST',
        url: `${api.origin}/v1/keys/verify?token=${encodeURIComponent(key)}&page=1`,
        query: [
          { name: 'also', value: key, enabled: true },
          { name: 'keep', value: 'me', enabled: true },
        ],
        headers: [
          { name: 'X-Copy', value: `prefix ${key}`, enabled: true },
          { name: 'Authorization', value: `Bearer ${key}`, enabled: false },
          { name: 'Cookie', value: 'session=abc', enabled: true },
          { name: 'X-Trace', value: 'kept', enabled: true },
        ],
        body: { kind: 'json', text: JSON.stringify({ key, other: OTHER_KEY, scope: 'read:items' }) },
        auth: typed(key),
      });
    for (const key of [KEY, PLAIN_KEY]) {
      await service.send(randomUUID(), everywhere(key));
      await service.send(randomUUID(), request({ auth: typed(key, { kind: 'query', name: 'api_key' }) }));
      await service.send(
        randomUUID(),
        request({ method: 'POST', body: { kind: 'form', fields: [{ name: 'k', value: key }] }, auth: typed(key) }),
      );
    }
    // A failed request is recorded too, and as carefully.
    await expect(
      service.send(randomUUID(), request({ url: 'http://127.0.0.1:1/', auth: typed(PLAIN_KEY, { kind: 'bearer' }) })),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const saved = await service.saveRequest({ name: 'Verify', request: everywhere(PLAIN_KEY) });
    await service.updateSaved({ id: saved.id, request: everywhere(KEY) });
    await service.updateSaved({ id: saved.id, name: 'Verify again' });

    const items = service.history.list();
    expect(items).toHaveLength(7);
    expect(items[0]!.outcome).toMatchObject({ kind: 'error', code: 'UNAVAILABLE' });
    expect(items[1]!.outcome).toMatchObject({ kind: 'response', status: 200, statusText: 'OK' });
    for (const item of items) {
      expect(item.request.auth.kind).toBe('typed-removed');
      expect(item.secretsRemoved).toBe(true);
    }
    const full = items.find((item) => item.request.url.includes('/v1/keys/verify'))!.request;
    expect(full.query).toEqual([{ name: 'keep', value: 'me', enabled: true }]);
    // Rows holding the key go; a credential header's value is blanked and the row switched off.
    expect(full.headers).toEqual([
      { name: 'Cookie', value: '', enabled: false },
      { name: 'X-Trace', value: 'kept', enabled: true },
    ]);
    expect(full.url).toBe(`${api.origin}/v1/keys/verify?token=&page=1`);
    expect(JSON.parse((full.body as { text: string }).text)).toEqual({
      key: KEY_REMOVED,
      other: KEY_REMOVED,
      scope: 'read:items',
    });
    expect(service.history.listSaved()[0]).toMatchObject({ name: 'Verify again', group: '127.0.0.1' });

    await service.close(); // compaction writes the snapshot: every place a key could land
    const data = await readFile(join(dir.path, CONSOLE_FILE_NAME), 'utf8');
    expect(data).toContain('typed-removed');
    for (const secret of [KEY, PLAIN_KEY, OTHER_KEY]) expect(await filesContaining(dir.path, secret)).toEqual([]);

    // Positive control: the search finds a key written in any of the forms it looks for.
    for (const form of [
      KEY,
      encodeURIComponent(PLAIN_KEY),
      Buffer.from(KEY).toString('base64url'),
      Buffer.from(KEY).toString('hex'),
    ]) {
      await writeFile(join(dir.path, 'control.txt'), `x${form}y`);
      expect(await filesContaining(dir.path, form === KEY || form.length > 60 ? KEY : PLAIN_KEY)).toHaveLength(1);
      await rm(join(dir.path, 'control.txt'));
    }
    const reopened = await ConsoleService.open(dir.path, entries, { clock });
    expect(reopened.history.list()).toHaveLength(7);
    await reopened.close();
  });

  it('keeps a vault entry by reference and strips its secret where the user also typed it', async () => {
    await service.send(
      randomUUID(),
      request({
        headers: [{ name: 'X-Echo', value: KEY, enabled: true }],
        auth: { kind: 'entry', entryId, scheme: { kind: 'bearer' } },
      }),
    );
    expect(api.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    const [item] = service.history.list();
    expect(item!.request.auth).toEqual({ kind: 'entry', entryId, scheme: { kind: 'bearer' } });
    expect(item!.request.headers).toEqual([]);
    const saved = await service.saveRequest({
      name: 'Who am I',
      request: request({ auth: { kind: 'entry', entryId, scheme: { kind: 'x-api-key' } } }),
    });
    expect(saved.group).toBe('Pyas');
    await service.close();
    expect(await filesContaining(dir.path, KEY)).toEqual([]);
  });

  it('keeps the last 500, oldest out first, across a reopen', async () => {
    const base = request();
    for (let i = 0; i < HISTORY_MAX + 5; i++) {
      clock.advance(1000);
      await service.history.add(
        { ...base, url: `${api.origin}/n/${i}` },
        { kind: 'response', status: 200, statusText: 'OK', timeMs: 1, sizeBytes: 2 },
        null,
      );
    }
    const urls = service.history.list().map((item) => item.request.url);
    expect(urls).toHaveLength(HISTORY_MAX);
    expect(urls[0]).toBe(`${api.origin}/n/${HISTORY_MAX + 4}`);
    expect(urls.at(-1)).toBe(`${api.origin}/n/5`);
    await service.close();
    service = await ConsoleService.open(dir.path, entries, { clock });
    expect(service.history.list().map((item) => item.request.url)).toEqual(urls);
  });

  it('clears history, deletes one item; saved requests rename, regroup and delete', async () => {
    await service.send(randomUUID(), request());
    await service.send(randomUUID(), request({ method: 'HEAD' }));
    const [newest] = service.history.list();
    await service.history.remove(newest!.id);
    expect(service.history.list().map((item) => item.request.method)).toEqual(['GET']);
    expect(await service.history.clear()).toEqual({ cleared: 1 });
    expect(service.history.list()).toEqual([]);

    const a = await service.saveRequest({ name: 'b-second', group: 'Pyas', request: request() });
    await service.saveRequest({ name: 'a-first', group: 'Pyas', request: request() });
    await service.saveRequest({ name: 'z', group: 'Atfinity', request: request() });
    expect(service.history.listSaved().map((s) => `${s.group}/${s.name}`)).toEqual([
      'Atfinity/z',
      'Pyas/a-first',
      'Pyas/b-second',
    ]);
    clock.advance(60_000);
    const renamed = await service.history.rename(a.id, 'c-third');
    expect(renamed.updatedAt > a.updatedAt).toBe(true);
    await service.history.deleteSaved(a.id);
    await expect(service.history.deleteSaved(a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(service.history.listSaved().map((s) => s.name)).toEqual(['z', 'a-first']);
  });

  it('drops a large body from history but keeps its size; refuses saving a body over 1 MB', async () => {
    const text = JSON.stringify({ data: 'x'.repeat(40_000) });
    await service.send(randomUUID(), request({ method: 'POST', body: { kind: 'json', text } }));
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

describe('with the real vault entries', () => {
  let vaults: Vaults;
  beforeEach(async () => {
    const keychain = new MemoryKeychain();
    vaults = await openVaults(dir.path, keychain, clock, folderSeals(keychain));
  });
  afterEach(async () => {
    await vaults.close();
  });

  it("sends the entry's exact header, enforces its allowed hosts, answers LOCKED while locked", async () => {
    const [vault] = vaults.vaults.listVaults();
    const added = await vaults.entries.addEntry({
      vaultId: vault!.id,
      secret: KEY,
      name: 'Pyas production',
      preset: 'pyas',
      allowedHosts: [`127.0.0.1:${api.port}`],
    });
    const console = await ConsoleService.open(dir.path, vaults.entries, { clock });
    try {
      const auth = { kind: 'entry' as const, entryId: added.id, scheme: added.scheme };
      const response = await console.send(randomUUID(), request({ auth }));
      expect(response.status).toBe(200);
      expect(api.seen[0]!.headers['x-api-key']).toBe(KEY);
      expect(response.bodyText).not.toContain(KEY);

      await expect(
        console.send(randomUUID(), request({ url: `${api.localhostOrigin}/v1/whoami`, auth })),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', reason: 'HOST_NOT_ALLOWED' });
      expect(api.seen).toHaveLength(1);

      vaults.vaults.lockAll();
      await expect(console.send(randomUUID(), request({ auth }))).rejects.toMatchObject({ code: 'LOCKED' });
      expect(console.history.list().map((item) => item.outcome.kind)).toEqual(['error', 'error', 'response']);
    } finally {
      await console.close();
    }
    expect(await filesContaining(dir.path, KEY)).toEqual([]);
  });
});
