// Console history and saved requests never keep a key: typed, pasted anywhere, or from a vault entry.
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_FILE_NAME } from '../../../electron/core/console/console-db';
import { ConsoleService } from '../../../electron/core/console/console-service';
import { KEY_REMOVED } from '../../../electron/core/console/sanitize';
import { openVaults, type Vaults } from '../../../electron/core/vaults/vaults';
import { folderSeals } from '../../support/folder-seals';
import { MemoryKeychain } from '../../support/memory-keychain';
import {
  clock,
  closeConsole,
  consoleEntriesOf,
  entries,
  entryId,
  filesContaining,
  KEY,
  openConsole,
  OTHER_KEY,
  PLAIN_KEY,
  requestTo,
  typed,
  type ConsoleFixture,
} from './history-fixture';
import type { TestServer } from './servers';

let dir: ConsoleFixture['dir'];
let api: TestServer;
let service: ConsoleService;

beforeEach(async () => {
  ({ dir, api, service } = await openConsole());
});
afterEach(() => closeConsole({ dir, api, service }));

const request = requestTo(() => api);

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

    await service.history.settled(); // the history line is written while the answer returns
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
    const { folders, saved: kept } = service.collections.view();
    expect(kept[0]).toMatchObject({ name: 'Verify again', folderId: folders[0]!.id });
    expect(folders.map((folder) => folder.name)).toEqual(['127.0.0.1']);

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
    await service.history.settled(); // the history line is written while the answer returns
    const [item] = service.history.list();
    expect(item!.request.auth).toEqual({ kind: 'entry', entryId, scheme: { kind: 'bearer' } });
    expect(item!.request.headers).toEqual([]);
    const saved = await service.saveRequest({
      name: 'Who am I',
      request: request({ auth: { kind: 'entry', entryId, scheme: { kind: 'x-api-key' } } }),
    });
    expect(service.collections.view().folders.find((f) => f.id === saved.folderId)?.name).toBe('Pyas');
    await service.close();
    expect(await filesContaining(dir.path, KEY)).toEqual([]);
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
    const console = await ConsoleService.open(dir.path, consoleEntriesOf(vaults), { clock });
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
      await console.history.settled(); // the history line is written while the answer returns
      expect(console.history.list().map((item) => item.outcome.kind)).toEqual(['error', 'error', 'response']);
    } finally {
      await console.close();
    }
    expect(await filesContaining(dir.path, KEY)).toEqual([]);
  });
});
