// Sending with environments (issue 13): `{{variables}}` filled in main from plain values and kh://
// references to real vault entries; history keeps the request as written; no key lands in a file.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleService } from '../../../electron/core/console/console-service';
import { openVaults, type Vaults } from '../../../electron/core/vaults/vaults';
import { formatSecretReference } from '../../../shared/domain/secret-reference';
import { folderSeals } from '../../support/folder-seals';
import { MemoryKeychain } from '../../support/memory-keychain';
import {
  clock,
  closeConsole,
  consoleEntriesOf,
  filesContaining,
  KEY,
  openConsole,
  OTHER_KEY,
  requestTo,
  type ConsoleFixture,
} from './history-fixture';
import { startServer, type TestServer } from './servers';

let dir: ConsoleFixture['dir'];
let api: TestServer;
let fixtureService: ConsoleService;
let vaults: Vaults;
let service: ConsoleService;
const request = requestTo(() => api);

beforeEach(async () => {
  ({ dir, api, service: fixtureService } = await openConsole());
  await fixtureService.close();
  const keychain = new MemoryKeychain();
  vaults = await openVaults(dir.path, keychain, clock, folderSeals(keychain));
  service = await ConsoleService.open(dir.path, consoleEntriesOf(vaults), { clock });
});
afterEach(async () => {
  await service.close().catch(() => undefined);
  await vaults.close();
  await closeConsole({ dir, api, service: fixtureService });
});

/** Two entries (staging, production) in the default vault, allowed on the test server only. */
async function twoEntries(allowedHosts = [`127.0.0.1:${api.port}`]) {
  const [vault] = vaults.vaults.listVaults();
  const add = (name: string, secret: string) =>
    vaults.entries.addEntry({ vaultId: vault!.id, secret, name, preset: 'pyas', allowedHosts });
  const staging = await add('Pyas staging', KEY);
  const production = await add('Pyas production', OTHER_KEY);
  return {
    staging: formatSecretReference(vault!.name, staging.name),
    production: formatSecretReference(vault!.name, production.name),
  };
}

const templated = () =>
  request({
    url: '{{baseUrl}}/v1/items',
    query: [{ name: 'page', value: '{{page}}', enabled: true }],
    headers: [{ name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true }],
  });

describe('sending with an environment', () => {
  it('fills variables in main; switching environment switches the key; history keeps {{apiKey}}', async () => {
    const refs = await twoEntries();
    const vars = (apiKey: string) => [
      { name: 'baseUrl', value: api.origin },
      { name: 'page', value: '2' },
      { name: 'apiKey', value: apiKey },
    ];
    const staging = await service.environments.create('Staging', vars(refs.staging));
    const production = await service.environments.create('Production', vars(refs.production));
    expect(service.environments.view().activeId).toBe(staging.id); // the first one made is chosen

    const first = await service.send(randomUUID(), templated());
    expect(first.status).toBe(200);
    expect(api.seen[0]!.url).toBe('/v1/items?page=2');
    expect(api.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    // The echo server answers the key back: the renderer gets it masked.
    expect(first.bodyText).not.toContain(KEY);
    expect(first.keyMasked).toBe(true);

    await service.environments.select(production.id);
    await service.send(randomUUID(), templated());
    expect(api.seen[1]!.headers.authorization).toBe(`Bearer ${OTHER_KEY}`);

    await service.history.settled(); // the history line is written while the answer returns
    const [latest] = service.history.list();
    expect(latest!.request.url).toBe('{{baseUrl}}/v1/items');
    expect(latest!.request.headers).toEqual([{ name: 'Authorization', value: 'Bearer {{apiKey}}', enabled: true }]);
    const saved = await service.saveRequest({ name: 'Items', request: templated() });
    expect(saved.request.headers[0]!.value).toBe('Bearer {{apiKey}}');
    await service.close();
    for (const key of [KEY, OTHER_KEY]) expect(await filesContaining(dir.path, key)).toEqual([]);
  });

  it('names the variables that are missing, before anything is sent or read', async () => {
    await expect(service.send(randomUUID(), templated())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Choose an environment that defines {{baseUrl}}, {{page}}, {{apiKey}}, or replace them in the request.',
    });
    await service.environments.create('Local', [{ name: 'baseUrl', value: api.origin }]);
    await expect(service.send(randomUUID(), templated())).rejects.toMatchObject({
      message: '{{page}}, {{apiKey}} are not defined in the environment “Local”.',
    });
    expect(api.seen).toHaveLength(0);
  });

  it("checks the entry's allowed hosts before its key is read, and answers LOCKED while its vault is locked", async () => {
    const refs = await twoEntries(['api.pyas.com']);
    await service.environments.create('Staging', [
      { name: 'baseUrl', value: api.origin },
      { name: 'page', value: '1' },
      { name: 'apiKey', value: refs.staging },
    ]);
    await expect(service.send(randomUUID(), templated())).rejects.toMatchObject({ reason: 'HOST_NOT_ALLOWED' });
    expect(api.seen).toHaveLength(0);

    const env = service.environments.active()!;
    const open = await twoEntriesAllowedHere();
    await service.environments.update(env.id, {
      variables: env.variables.map((v) => (v.name === 'apiKey' ? { ...v, value: open } : v)),
    });
    vaults.vaults.lockAll();
    await expect(service.send(randomUUID(), templated())).rejects.toMatchObject({ code: 'LOCKED' });
    expect(api.seen).toHaveLength(0);
  });

  it('never carries a variable key to another origin on a redirect', async () => {
    const elsewhere = await startServer();
    const redirecting = await startServer((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.origin}/landed` });
      res.end();
    });
    try {
      const [vault] = vaults.vaults.listVaults();
      await vaults.entries.addEntry({ vaultId: vault!.id, secret: KEY, name: 'Open', preset: 'pyas' });
      await service.environments.create('Local', [
        { name: 'baseUrl', value: redirecting.origin },
        { name: 'page', value: '1' },
        { name: 'apiKey', value: formatSecretReference(vault!.name, 'Open') },
      ]);
      const response = await service.send(randomUUID(), {
        ...templated(),
        headers: [{ name: 'X-Custom', value: 'k={{apiKey}}', enabled: true }],
      });
      expect(response.status).toBe(200);
      expect(redirecting.seen[0]!.headers['x-custom']).toBe(`k=${KEY}`);
      expect(elsewhere.seen[0]!.headers['x-custom']).toBeUndefined();
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()]);
    }
  });
});

async function twoEntriesAllowedHere(): Promise<string> {
  const [vault] = vaults.vaults.listVaults();
  await vaults.entries.addEntry({
    vaultId: vault!.id,
    secret: KEY,
    name: 'Pyas here',
    preset: 'pyas',
    allowedHosts: [`127.0.0.1:${api.port}`],
  });
  return formatSecretReference(vault!.name, 'Pyas here');
}
