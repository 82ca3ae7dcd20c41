import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import { createInProcessApi } from '../../support/in-process-api';
import { filesContaining } from '../vaults/vault-fixture';
import { openTestCore, type TestCore } from '../../support/open-test-core';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

async function value<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const result = await call;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A key issued by this Keyhaven, saved in "Personal", and the local test API running. */
async function setUp(): Promise<{ api: KeyhavenApi; plaintext: string; entryId: string; baseUrl: string }> {
  t = await openTestCore();
  const api = createInProcessApi(createHandlers(hostOf(t.core)));
  const app = await value(api.apps.create({ name: 'Pyas' }));
  const generated = await value(
    api.keys.generate({ appId: app.id, name: 'CI', expiration: { kind: 'never' }, scopes: ['read:items'] }),
  );
  const personal = (await value(api.vaults.list()))[0]!;
  const entry = await value(api.keys.saveInVault({ keyId: generated.key.id, vaultId: personal.id }));
  const { baseUrl } = await value(api.testApi.start({ port: 0 }));
  return { api, plaintext: generated.plaintext, entryId: entry.id, baseUrl: baseUrl! };
}

describe('console channels, end to end in the core', () => {
  it("sends a vault entry's key to the local test API in each scheme; history keeps no secret", async () => {
    const { api, plaintext, entryId, baseUrl } = await setUp();
    for (const kind of ['x-api-key', 'api-key', 'bearer'] as const) {
      const response = await value(
        api.console.sendRequest({
          requestId: randomUUID(),
          request: { method: 'GET', url: `${baseUrl}/v1/whoami`, auth: { kind: 'entry', entryId, scheme: { kind } } },
        }),
      );
      expect(response.status, kind).toBe(200);
      expect(JSON.parse(response.bodyText)).toMatchObject({ app: 'Pyas', name: 'CI', scopes: ['read:items'] });
      expect(JSON.stringify(response)).not.toContain(plaintext);
    }
    const typed = await value(
      api.console.sendRequest({
        requestId: randomUUID(),
        request: {
          method: 'GET',
          url: `${baseUrl}/v1/scopes/write:integrations`,
          auth: { kind: 'typed', key: plaintext, scheme: { kind: 'bearer' } },
        },
      }),
    );
    expect(typed.status).toBe(403);

    const history = await value(api.console.history());
    expect(history).toHaveLength(4);
    expect(JSON.stringify(history)).not.toContain(plaintext);
    await t!.core.close();
    expect(await filesContaining(t!.dataDir, plaintext)).toEqual([]);
    t = null;
  });

  it('refuses invalid requests in main, and clears history', async () => {
    const { api, plaintext, baseUrl } = await setUp();
    const bad = await api.console.sendRequest({
      requestId: randomUUID(),
      request: {
        method: 'GET',
        url: 'file:///etc/passwd',
        auth: { kind: 'typed', key: plaintext, scheme: { kind: 'bearer' } },
      },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(bad)).not.toContain(plaintext);
    await value(
      api.console.sendRequest({ requestId: randomUUID(), request: { method: 'GET', url: `${baseUrl}/v1/whoami` } }),
    );
    expect(await value(api.console.clearHistory())).toEqual({ cleared: 1 });
    expect(await value(api.console.history())).toEqual([]);
  });
});
