// Issue 14: what the window does with vault keys is in the activity log — Show, Copy, Copy as header,
// edit, export, import, lock, unlock, and the console's sends — naming vault and entry, never a key.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import type { ActivityListItem } from '../../../shared/domain/activity';
import { formatSecretReference } from '../../../shared/domain/secret-reference';
import type { KeyhavenApi } from '../../../shared/ipc/api';
import type { Result } from '../../../shared/ipc/errors';
import { createInProcessApi } from '../../support/in-process-api';
import { openTestCore, type TestCore } from '../../support/open-test-core';
import { filesContaining, requestTo } from '../console/history-fixture';
import { startServer, type TestServer } from '../console/servers';

/** The canary: a key whose every form is searched for in the data folder once the test is done. */
const CANARY = `cnry_vault_activity_${randomUUID().slice(0, 8)}_Zq9`;
const NEW_KEY = `cnry_vault_replaced_${randomUUID().slice(0, 8)}_Pk7`;
const PASSPHRASE = 'Canary export passphrase with words 71!';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

let t: TestCore;
let api: KeyhavenApi;
let server: TestServer;
let vaultId: string;
let entryId: string;

beforeEach(async () => {
  t = await openTestCore();
  api = createInProcessApi(createHandlers(hostOf(t.core)));
  server = await startServer();
  vaultId = value(await api.vaults.list())[0]!.id;
  const entry = value(
    await api.entries.add({
      vaultId,
      name: 'Stripe live',
      secret: CANARY,
      scheme: { kind: 'bearer' },
      allowedHosts: [`127.0.0.1:${server.port}`],
    }),
  );
  entryId = entry.id;
});
afterEach(async () => {
  // Nothing the test did may have put the key in any file of the folder, in any encoding.
  expect(await filesContaining(t.dataDir, CANARY)).toEqual([]);
  expect(await filesContaining(t.dataDir, NEW_KEY)).toEqual([]);
  await server.close();
  await t.dispose();
});

/** The vault records, oldest first, as the Activity screen gets them. */
async function vaultRecords(): Promise<ActivityListItem[]> {
  return value(await api.activity.list({}))
    .filter((record) => record.appId === null)
    .reverse();
}

async function logText(): Promise<string> {
  return readFile(join(t.dataDir, 'activity.jsonl'), 'utf8');
}

describe('vault keys read in the window', () => {
  it('Show, Show of a kept version, Copy and Copy as header: one record each, with vault and entry', async () => {
    value(await api.entries.update({ entryId, secret: NEW_KEY }));
    expect(value(await api.entries.reveal({ entryId })).secret).toBe(NEW_KEY);
    expect(value(await api.entries.reveal({ entryId, version: 1 })).secret).toBe(CANARY);
    value(await api.entries.copy({ entryId, format: 'value' }));
    value(await api.entries.copy({ entryId, format: 'header' }));
    expect(t.platform.writes).toEqual([NEW_KEY, `Authorization: Bearer ${NEW_KEY}`]);

    const records = (await vaultRecords()).slice(-4);
    expect(records.map(({ type, summary, vaultId: v, entryId: e, actor }) => ({ type, summary, v, e, actor }))).toEqual(
      [
        {
          type: 'entry.shown',
          summary: 'Vault "Personal": key of "Stripe live" shown',
          v: vaultId,
          e: entryId,
          actor: 'app',
        },
        {
          type: 'entry.shown',
          summary: 'Vault "Personal": key of "Stripe live" (version 1, kept in its history) shown',
          v: vaultId,
          e: entryId,
          actor: 'app',
        },
        {
          type: 'entry.copied',
          summary: 'Vault "Personal": key of "Stripe live" copied',
          v: vaultId,
          e: entryId,
          actor: 'app',
        },
        {
          type: 'entry.copied',
          summary: 'Vault "Personal": key of "Stripe live" copied as a header line',
          v: vaultId,
          e: entryId,
          actor: 'app',
        },
      ],
    );
    expect(await logText()).not.toContain('Bearer');
    expect(value(await api.activity.checkChain())).toMatchObject({ intact: true });
  });

  it('a key that cannot be read (a locked vault) is not recorded as read', async () => {
    const before = (await vaultRecords()).length;
    value(await api.vaults.lock({ vaultId }));
    expect((await api.entries.reveal({ entryId })).ok).toBe(false);
    expect((await api.entries.copy({ entryId, format: 'value' })).ok).toBe(false);
    expect((await vaultRecords()).slice(before).map((r) => r.type)).toEqual(['vault.locked']);
  });
});

describe('the vault and entry ids are part of the chain', () => {
  it('a record whose entry id is changed in the file breaks the chain there', async () => {
    value(await api.entries.reveal({ entryId }));
    const file = join(t.dataDir, 'activity.jsonl');
    const other = randomUUID();
    await writeFile(file, (await logText()).replace(`"entryId":"${entryId}"`, `"entryId":"${other}"`));
    // The first record naming the entry is its "added" one: the chain breaks there.
    const added = (await vaultRecords()).find((record) => record.type === 'entry.added')!;
    expect(value(await api.activity.checkChain())).toMatchObject({ intact: false, brokenAtSeq: added.seq });
  });
});

describe('vault changes made in the window', () => {
  it('an edit names the fields it changed, a new key is "replaced", and saving without a change records nothing', async () => {
    value(await api.entries.update({ entryId, name: 'Stripe', notes: 'Billing only', tags: ['prod'] }));
    value(await api.entries.update({ entryId, secret: NEW_KEY }));
    value(await api.entries.update({ entryId, name: 'Stripe' }));
    const records = (await vaultRecords()).slice(-2);
    expect(records.map(({ type, summary, entryId: e }) => ({ type, summary, e }))).toEqual([
      {
        type: 'entry.updated',
        summary: 'Vault "Personal": "Stripe live" renamed to "Stripe"; settings edited (tags, notes)',
        e: entryId,
      },
      { type: 'entry.replaced', summary: 'Vault "Personal": "Stripe" key replaced (version 2)', e: entryId },
    ]);
    expect(await logText()).not.toContain('Billing only');
  });

  it('New vault, Add key, rename, Delete key and Delete vault use the kinds the command line records', async () => {
    const first = (await vaultRecords()).at(-1)!;
    expect(first).toMatchObject({
      type: 'entry.added',
      vaultId,
      entryId,
      summary: 'Vault "Personal": key "Stripe live" added',
    });
    const team = value(await api.vaults.create({ name: 'Team' }));
    const other = value(await api.entries.add({ vaultId: team.id, name: 'GitHub', secret: NEW_KEY }));
    value(await api.vaults.rename({ vaultId: team.id, name: 'Team keys' }));
    value(await api.entries.delete({ entryId }));
    value(await api.vaults.delete({ vaultId: team.id }));
    const records = (await vaultRecords()).slice(-5);
    expect(records.map(({ type, summary, vaultId: v, entryId: e }) => [type, summary, v, e])).toEqual([
      ['vault.created', 'Vault "Team" created', team.id, undefined],
      ['entry.added', 'Vault "Team": key "GitHub" added', team.id, other.id],
      ['vault.renamed', 'Vault "Team" renamed to "Team keys"', team.id, undefined],
      ['entry.removed', 'Vault "Personal": key "Stripe live" removed', vaultId, entryId],
      ['vault.deleted', 'Vault "Team keys" deleted with its 1 key', team.id, undefined],
    ]);
  });

  it('export and import say how many keys, never the passphrase', async () => {
    const exported = value(await api.vaults.export({ vaultId, passphrase: PASSPHRASE }));
    const team = value(await api.vaults.create({ name: 'Team' }));
    value(
      await api.vaults.import({ vaultId: team.id, contents: exported.contents, passphrase: PASSPHRASE, choices: {} }),
    );
    const records = (await vaultRecords()).filter((r) => r.type === 'vault.exported' || r.type === 'vault.imported');
    expect(records.map(({ type, summary, vaultId: v }) => ({ type, summary, v }))).toEqual([
      { type: 'vault.exported', summary: 'Vault "Personal": its 1 key exported to an encrypted file', v: vaultId },
      {
        type: 'vault.imported',
        summary: 'Vault "Team": keys imported from a file (1 added, 0 replaced, 0 kept beside the existing, 0 skipped)',
        v: team.id,
      },
    ]);
    expect(await filesContaining(t.dataDir, PASSPHRASE)).toEqual([]);
  });

  it('Lock, Lock all and Unlock record the vaults whose state changed; idle locking says why', async () => {
    const team = value(await api.vaults.create({ name: 'Team' }));
    const before = (await vaultRecords()).length;
    value(await api.vaults.lock({ vaultId }));
    value(await api.vaults.lock({ vaultId })); // already locked: nothing happened
    value(await api.vaults.lock({}));
    value(await api.vaults.unlock({ vaultId }));
    value(await api.vaults.updateSettings({ autoLockMinutes: 1 }));
    t.platform.idle = 120;
    await t.platform.runTimers();
    // The idle lock's record is committed in the background; commits are queued, so one after it waits for it.
    await t.core.db.commit(() => ({ ops: [], result: null }));
    expect((await vaultRecords()).slice(before).map((r) => [r.type, r.summary, r.vaultId])).toEqual([
      ['vault.locked', 'Vault "Personal" locked', vaultId],
      ['vault.locked', 'Vault "Team" locked (Lock all)', team.id],
      ['vault.unlocked', 'Vault "Personal" unlocked', vaultId],
      ['vault.locked', 'Vault "Personal" locked after the computer was idle', vaultId],
    ]);
  });
});

describe("the request console's sends", () => {
  const request = requestTo(() => server);

  it('a key sent from Authentication or a kh:// variable: the entry, the method and the host only', async () => {
    value(
      await api.console.sendRequest({
        requestId: randomUUID(),
        request: request({ auth: { kind: 'entry', entryId, scheme: { kind: 'bearer' } } }),
      }),
    );
    const environment = value(
      await api.console.createEnvironment({
        name: 'Live',
        variables: [{ name: 'stripeKey', value: formatSecretReference('Personal', 'Stripe live') }],
      }),
    );
    value(await api.console.selectEnvironment({ id: environment.id }));
    value(
      await api.console.sendRequest({
        requestId: randomUUID(),
        request: request({ method: 'POST', url: `${server.origin}/v1/charges?api_key={{stripeKey}}` }),
      }),
    );
    expect(server.seen.map((seen) => seen.url)).toEqual(['/v1/whoami', `/v1/charges?api_key=${CANARY}`]);
    const host = `127.0.0.1:${server.port}`;
    const records = (await vaultRecords()).slice(-2);
    expect(records.map(({ type, summary, entryId: e }) => ({ type, summary, e }))).toEqual([
      {
        type: 'entry.sent',
        summary: `Vault "Personal": key of "Stripe live" sent by the request console (GET ${host})`,
        e: entryId,
      },
      {
        type: 'entry.sent',
        summary: `Vault "Personal": key of "Stripe live" sent as {{stripeKey}} by the request console (POST ${host})`,
        e: entryId,
      },
    ]);
    expect(await logText()).not.toContain('api_key');
  });

  it('a snippet that includes the key records it as shown; one that names a variable records nothing', async () => {
    const auth = { kind: 'entry' as const, entryId, scheme: { kind: 'bearer' as const } };
    const before = (await vaultRecords()).length;
    value(await api.console.snippet({ request: request({ auth }), target: 'curl', includeKey: false }));
    expect(await vaultRecords()).toHaveLength(before);
    const { code } = value(
      await api.console.snippet({ request: request({ auth }), target: 'python', includeKey: true }),
    );
    expect(code).toContain(CANARY);
    expect((await vaultRecords()).slice(before).map((r) => [r.type, r.summary, r.entryId])).toEqual([
      ['entry.shown', 'Vault "Personal": key of "Stripe live" shown in a Python requests snippet', entryId],
    ]);
  });

  it('a request refused before its key is read records nothing', async () => {
    const before = (await vaultRecords()).length;
    const refused = await api.console.sendRequest({
      requestId: randomUUID(),
      request: request({
        url: 'https://example.com/v1/whoami',
        auth: { kind: 'entry', entryId, scheme: { kind: 'bearer' } },
      }),
    });
    expect(refused.ok).toBe(false);
    expect(await vaultRecords()).toHaveLength(before);
  });
});
