import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { openCore, type Core } from '../../../electron/core/core';
import { hostOf } from '../../../electron/core/core-host';
import { consoleRequestSchema } from '../../../shared/console/request';
import { SEARCH_RESULTS_PER_KIND, type SearchResult } from '../../../shared/domain/search';
import { createInProcessApi } from '../../support/in-process-api';
import { livedFolder, LIVED_SECRET } from '../../support/lived-folder';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

const STRIPE_SECRET = 'sk_live_S34rchN3v3rR3turnsK3ys';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openFresh(): Promise<Core> {
  const dir = await makeTempDir('keyhaven-search');
  const core = await openCore({ dataDir: dir.path, keychain: new MemoryKeychain(), version: 'test' });
  cleanups.push(dir.remove, () => core.close());
  return core;
}

async function search(core: Core, query: unknown) {
  return createInProcessApi(createHandlers(hostOf(core))).search.everything(query as { query: string });
}

async function found(core: Core, query: string): Promise<SearchResult[]> {
  const answer = await search(core, { query });
  if (!answer.ok) throw new Error(answer.error.message);
  expect(answer.value.unavailable).toEqual([]);
  return answer.value.results;
}

/** Pyas with two keys, Cerby with none; Stripe (tag prod) in Personal, GitHub in a locked Team vault; a saved request. */
async function livedIn(core: Core) {
  const pyas = await core.apps.create({ name: 'Pyas' });
  await core.apps.create({ name: 'Cerby' });
  const production = await core.issuing.generate({
    appId: pyas.id,
    name: 'Production',
    expiration: { kind: 'never' },
    scopes: [],
  });
  await core.issuing.generate({ appId: pyas.id, name: 'Staging', expiration: { kind: 'never' }, scopes: [] });
  const personal = core.vaults.vaults.listVaults()[0]!;
  await core.vaults.vaults.unlock(personal.id);
  const stripe = await core.vaults.entries.addEntry({
    vaultId: personal.id,
    name: 'Stripe',
    secret: STRIPE_SECRET,
    tags: ['prod', 'payments'],
  });
  const team = await core.vaults.vaults.createVault('Team');
  await core.vaults.entries.addEntry({ vaultId: team.id, name: 'GitHub deploy', secret: 'ghp_T34mS3cr3tV4lu3xx' });
  core.vaults.vaults.lock(team.id);
  const saved = await core.console.saveRequest({
    name: 'List items',
    request: consoleRequestSchema.parse({ method: 'GET', url: 'https://api.pyas.example/v1/items' }),
  });
  return { pyas, production, stripe, team, saved };
}

describe('search:everything (issue 14, Ctrl/Cmd+K)', () => {
  it('finds apps, keys by name and by label, entries by tag, and saved requests by URL', async () => {
    const core = await openFresh();
    const { pyas, production, stripe, saved } = await livedIn(core);
    const label = `${production.key.keyPrefix}_${production.key.keyId}`;

    expect(await found(core, 'pyas')).toEqual(
      expect.arrayContaining([
        { kind: 'app', appId: pyas.id, name: 'Pyas', keyPrefix: 'pyas', activeKeyCount: 2 },
        expect.objectContaining({ kind: 'key', id: production.key.id, label, appName: 'Pyas', status: 'active' }),
        expect.objectContaining({ kind: 'request', savedId: saved.id, name: 'List items', method: 'GET' }),
      ]),
    );
    // The app's own name ranks first among apps; a key found by its exact label is the only key.
    expect((await found(core, 'pyas'))[0]).toMatchObject({ kind: 'app', name: 'Pyas' });
    expect((await found(core, label)).filter((r) => r.kind === 'key')).toEqual([
      expect.objectContaining({ id: production.key.id }),
    ]);
    expect(await found(core, 'payments')).toEqual([
      {
        kind: 'entry',
        vaultId: stripe.vaultId,
        vaultName: 'Personal',
        entryId: stripe.id,
        name: 'Stripe',
        service: stripe.service,
        tags: ['prod', 'payments'],
        locked: false,
      },
    ]);
    expect((await found(core, '/v1/items')).map((r) => r.kind)).toEqual(['request']);
  });

  it('every word must match, in any field: "stripe prod" is the entry, "stripe staging" nothing', async () => {
    const core = await openFresh();
    await livedIn(core);
    expect((await found(core, 'stripe prod')).map((r) => r.kind === 'entry' && r.name)).toEqual(['Stripe']);
    expect(await found(core, 'stripe staging')).toEqual([]);
    expect((await found(core, 'pyas staging')).map((r) => r.kind === 'key' && r.name)).toEqual(['Staging']);
    // Letters merely in order are no match ("ai" is in "stAgIng" that way); an acronym is. An issued
    // key's random label may hold "ai" itself (pyas_RaiM4qoq did, once in CI): that one is a match.
    const inOrder = (await found(core, 'ai')).filter((r) => !(r.kind === 'key' && /ai/i.test(r.label)));
    expect(inOrder).toEqual([]);
    // (Only entries are compared: an issued key's label is random, and may itself hold a "g…d" acronym.)
    const acronym = (await found(core, 'gd')).filter((r) => r.kind === 'entry');
    expect(acronym.map((r) => r.kind === 'entry' && r.name)).toEqual(['GitHub deploy']);
  });

  it('finds a locked vault’s entries by their metadata, marked locked; never returns a key', async () => {
    const core = await openFresh();
    await livedIn(core);
    const results = await found(core, 'github');
    expect(results).toEqual([
      expect.objectContaining({ kind: 'entry', name: 'GitHub deploy', vaultName: 'Team', locked: true }),
    ]);
    for (const query of ['s', 'p', 'e', 'a', 'sk_live', STRIPE_SECRET]) {
      expect(JSON.stringify(await found(core, query))).not.toContain(STRIPE_SECRET);
    }
  });

  it(`keeps at most ${SEARCH_RESULTS_PER_KIND} of each kind, so one kind cannot crowd out the others`, async () => {
    const core = await openFresh();
    const app = await core.apps.create({ name: 'Billing' });
    for (let i = 0; i < SEARCH_RESULTS_PER_KIND + 4; i++) {
      await core.issuing.generate({
        appId: app.id,
        name: `Billing job ${i}`,
        expiration: { kind: 'never' },
        scopes: [],
      });
    }
    const results = await found(core, 'billing');
    expect(results.filter((r) => r.kind === 'key')).toHaveLength(SEARCH_RESULTS_PER_KIND);
    expect(results.filter((r) => r.kind === 'app')).toHaveLength(1);
  });

  it('refuses an empty or overlong query with a clear message', async () => {
    const core = await openFresh();
    for (const query of [{ query: '   ' }, { query: 'x'.repeat(201) }, {}, { query: 7 }, { query: 'a', extra: 1 }]) {
      const answer = await search(core, query);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('says which data file could not be searched, and still searches the rest', async () => {
    const folder = await livedFolder();
    cleanups.push(folder.remove);
    await folder.damage('console.json');
    const core = await folder.open();
    cleanups.push(() => core.close());
    const answer = await search(core, { query: 'pyas' });
    expect(answer).toMatchObject({ ok: true, value: { unavailable: ['console'] } });
    if (!answer.ok) return;
    expect(answer.value.results.map((r) => `${r.kind}:${'name' in r ? r.name : ''}`)).toEqual([
      'app:Pyas',
      'entry:Pyas prod',
    ]);
    expect(JSON.stringify(answer.value)).not.toContain(LIVED_SECRET);
  });
});
