// The entry actions of issue 14 through window.keyhaven over the real core: entries:transfer,
// deleteMany, restoreMany, tag, restoreVersion, copy of a kept version, and favourites. Each answer is
// checked against its schema; each action's activity records (type, vault, entry, wording) are checked,
// and no key reaches an answer, an error, a record or a file of the data folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BULK_MAX } from '../../../shared/domain/entry-actions';
import { filesContaining } from '../vaults/vault-fixture';
import { addEntry, api, fails, logged, ok, openApiForEachTest, personal, SECRET, t } from './vault-channels-fixture';

openApiForEachTest();
// Registered after the fixture's, so it runs first: the folder is still there.
afterEach(async () => {
  expect(await filesContaining(t.dataDir, SECRET)).toEqual([]);
});

/** The vault records, oldest first, with what the Activity screen shows of them. */
async function vaultRecords() {
  return ok('activity:list', await api.activity.list({}))
    .filter((record) => record.appId === null)
    .reverse()
    .map(({ type, vaultId, entryId, summary }) => ({ type, vaultId, entryId, summary }));
}

async function recordsSince(count: number) {
  return (await vaultRecords()).slice(count);
}

async function setUp() {
  const home = await personal();
  const team = ok('vaults:create', await api.vaults.create({ name: 'Team' }));
  const pyas = await addEntry(home.id, 'Pyas prod');
  ok('entries:update', await api.entries.update({ entryId: pyas.id, secret: `${SECRET}-v2` }));
  const github = await addEntry(home.id, 'GitHub', `${SECRET}-gh`);
  await addEntry(team.id, 'github', 'team-own-key');
  return { home, team, pyas, github, count: (await vaultRecords()).length };
}

const reveal = async (entryId: string, version?: number) =>
  ok('entries:reveal', await api.entries.reveal({ entryId, ...(version ? { version } : {}) })).secret;

describe('entries:transfer', () => {
  it('move and copy: one record per entry in the target vault, naming the source and a new name', async () => {
    const { home, team, pyas, github, count } = await setUp();
    const moved = ok(
      'entries:transfer',
      await api.entries.transfer({ entryIds: [pyas.id, github.id], toVaultId: team.id, mode: 'move' }),
    );
    expect(moved.entries.map((e) => [e.id, e.vaultId, e.name])).toEqual([
      [pyas.id, team.id, 'Pyas prod'],
      [github.id, team.id, 'GitHub (2)'],
    ]);
    const copied = ok(
      'entries:transfer',
      await api.entries.transfer({ entryIds: [pyas.id], toVaultId: home.id, mode: 'copy' }),
    );
    const copy = copied.entries[0]!;
    expect(copy.id).not.toBe(pyas.id);
    expect(JSON.stringify([moved, copied])).not.toContain(SECRET);

    expect(await recordsSince(count)).toEqual([
      {
        type: 'entry.updated',
        vaultId: team.id,
        entryId: pyas.id,
        summary: 'Vault "Team": key "Pyas prod" moved here from vault "Personal"',
      },
      {
        type: 'entry.updated',
        vaultId: team.id,
        entryId: github.id,
        summary: 'Vault "Team": key "GitHub" moved here from vault "Personal" (as "GitHub (2)")',
      },
      {
        type: 'entry.added',
        vaultId: home.id,
        entryId: copy.id,
        summary: 'Vault "Personal": key "Pyas prod" copied here from vault "Team"',
      },
    ]);
    const log = await readFile(join(t.dataDir, 'activity.jsonl'), 'utf8');
    expect(log).not.toContain(SECRET);
    expect(ok('activity:checkChain', await api.activity.checkChain())).toMatchObject({ intact: true });

    expect([await reveal(pyas.id), await reveal(pyas.id, 1)]).toEqual([`${SECRET}-v2`, SECRET]);
    expect([await reveal(copy.id), await reveal(copy.id, 1)]).toEqual([`${SECRET}-v2`, SECRET]);
    expect(await reveal(github.id)).toBe(`${SECRET}-gh`);
    expect(ok('entries:list', await api.entries.list({ vaultId: home.id })).map((e) => e.name)).toEqual(['Pyas prod']);
  });

  it('LOCKED when the source or the target is locked: nothing moves, nothing is recorded', async () => {
    const { home, team, pyas } = await setUp();
    const before = JSON.stringify(t.core.vaults.db.snapshot());
    for (const locked of [team.id, home.id]) {
      ok('vaults:lock', await api.vaults.lock({ vaultId: locked }));
      const count = (await vaultRecords()).length;
      for (const mode of ['move', 'copy'] as const) {
        fails(await api.entries.transfer({ entryIds: [pyas.id], toVaultId: team.id, mode }), 'LOCKED', SECRET);
      }
      expect(await recordsSince(count)).toEqual([]);
      ok('vaults:unlock', await api.vaults.unlock({ vaultId: locked }));
    }
    expect(JSON.stringify(t.core.vaults.db.snapshot())).toBe(before);
  });

  it('a move into the vault the entry is in is INVALID_INPUT, naming the vault', async () => {
    const { home, pyas, count } = await setUp();
    const message = fails(
      await api.entries.transfer({ entryIds: [pyas.id], toVaultId: home.id, mode: 'move' }),
      'INVALID_INPUT',
    );
    expect(message).toBe('Some of these keys are already in "Personal".');
    expect(await recordsSince(count)).toEqual([]);
  });
});

describe('entries:deleteMany and entries:restoreMany', () => {
  it('one record per entry deleted and per entry restored; a second Undo is NOT_FOUND and records nothing', async () => {
    const { home, team, pyas, github } = await setUp();
    const own = ok('entries:list', await api.entries.list({ vaultId: team.id }))[0]!;
    const count = (await vaultRecords()).length;
    const ids = [pyas.id, github.id, own.id];
    expect(ok('entries:deleteMany', await api.entries.deleteMany({ entryIds: ids }))).toEqual({ deleted: 3 });
    expect(ok('entries:list', await api.entries.list({ vaultId: home.id }))).toEqual([]);
    const restored = ok('entries:restoreMany', await api.entries.restoreMany({ entryIds: ids }));
    expect(restored.map((e) => e.id)).toEqual(ids);
    expect(JSON.stringify(restored)).not.toContain(SECRET);
    fails(await api.entries.restoreMany({ entryIds: ids }), 'NOT_FOUND');

    const names: Array<[string, string, string]> = [
      [home.id, pyas.id, 'Vault "Personal": key "Pyas prod"'],
      [home.id, github.id, 'Vault "Personal": key "GitHub"'],
      [team.id, own.id, 'Vault "Team": key "github"'],
    ];
    expect(await recordsSince(count)).toEqual([
      ...names.map(([vaultId, entryId, key]) => ({
        type: 'entry.removed',
        vaultId,
        entryId,
        summary: `${key} removed`,
      })),
      ...names.map(([vaultId, entryId, key]) => ({
        type: 'entry.added',
        vaultId,
        entryId,
        summary: `${key} restored (Undo)`,
      })),
    ]);
    expect(await reveal(pyas.id, 1)).toBe(SECRET);
  });
});

describe('entries:tag', () => {
  it('records what changed per entry; an entry already as asked is neither written nor recorded; answers every chosen entry', async () => {
    const { home, pyas, github } = await setUp();
    ok('entries:update', await api.entries.update({ entryId: pyas.id, tags: ['old', 'prod'] }));
    ok('entries:update', await api.entries.update({ entryId: github.id, tags: ['ops'] }));
    const count = (await vaultRecords()).length;
    const input = { entryIds: [pyas.id, github.id], add: ['ops', 'ci'], remove: ['OLD'] };
    const tagged = ok('entries:tag', await api.entries.tag(input));
    expect(tagged.map((e) => [e.id, e.tags])).toEqual([
      [pyas.id, ['prod', 'ops', 'ci']],
      [github.id, ['ops', 'ci']],
    ]);
    const again = ok('entries:tag', await api.entries.tag(input));
    expect(again.map((e) => e.id)).toEqual([pyas.id, github.id]);
    expect(await recordsSince(count)).toEqual([
      {
        type: 'entry.updated',
        vaultId: home.id,
        entryId: pyas.id,
        summary: 'Vault "Personal": key "Pyas prod" tagged "ops", "ci"; untagged "old"',
      },
      {
        type: 'entry.updated',
        vaultId: home.id,
        entryId: github.id,
        summary: 'Vault "Personal": key "GitHub" tagged "ci"',
      },
    ]);
  });
});

describe('entries:restoreVersion and entries:copy of a kept version', () => {
  it('puts the kept value on the clipboard or back as the current key, each recorded without the key', async () => {
    const { home, pyas, count } = await setUp();
    ok('entries:copy', await api.entries.copy({ entryId: pyas.id, format: 'value', version: 1 }));
    expect(t.platform.text).toBe(SECRET);
    ok('entries:copy', await api.entries.copy({ entryId: pyas.id, format: 'header', version: 1 }));
    expect(t.platform.text).toBe(`Authorization: Bearer ${SECRET}`);
    const restored = ok('entries:restoreVersion', await api.entries.restoreVersion({ entryId: pyas.id, version: 1 }));
    expect(restored).toMatchObject({ id: pyas.id, secretVersion: 3 });
    expect(restored.history.map((h) => h.version)).toEqual([1, 2]);

    const key = 'Vault "Personal": key of "Pyas prod" (version 1, kept in its history)';
    expect(await recordsSince(count)).toEqual([
      { type: 'entry.copied', vaultId: home.id, entryId: pyas.id, summary: `${key} copied` },
      { type: 'entry.copied', vaultId: home.id, entryId: pyas.id, summary: `${key} copied as a header line` },
      {
        type: 'entry.replaced',
        vaultId: home.id,
        entryId: pyas.id,
        summary: 'Vault "Personal": key "Pyas prod" replaced by its version 1 (now version 3)',
      },
    ]);
    expect([await reveal(pyas.id), await reveal(pyas.id, 2)]).toEqual([SECRET, `${SECRET}-v2`]);

    const settled = (await vaultRecords()).length;
    fails(await api.entries.restoreVersion({ entryId: pyas.id, version: 3 }), 'INVALID_INPUT', SECRET);
    fails(await api.entries.restoreVersion({ entryId: pyas.id, version: 99 }), 'NOT_FOUND', SECRET);
    fails(await api.entries.copy({ entryId: pyas.id, format: 'value', version: 99 }), 'NOT_FOUND', SECRET);
    ok('vaults:lock', await api.vaults.lock({ vaultId: home.id }));
    fails(await api.entries.restoreVersion({ entryId: pyas.id, version: 2 }), 'LOCKED', SECRET);
    expect((await recordsSince(settled)).map((r) => r.type)).toEqual(['vault.locked']);
  });
});

describe('input validation', () => {
  it('bad ids, empty or oversized lists, unknown fields and bad numbers are INVALID_INPUT, never echoing a key', async () => {
    const { team, pyas, count } = await setUp();
    const before = JSON.stringify(t.core.vaults.db.snapshot());
    const id = pyas.id;
    const tooMany = Array.from({ length: BULK_MAX + 1 }, () => crypto.randomUUID());
    const calls = [
      api.entries.transfer({ entryIds: [], toVaultId: team.id, mode: 'move' }),
      api.entries.transfer({ entryIds: ['not-an-id'], toVaultId: team.id, mode: 'move' }),
      api.entries.transfer({ entryIds: [SECRET], toVaultId: team.id, mode: 'copy' }),
      api.entries.transfer({ entryIds: [id], toVaultId: SECRET, mode: 'move' }),
      api.entries.transfer({ entryIds: [id], toVaultId: team.id, mode: SECRET } as never),
      api.entries.transfer({ entryIds: [id], toVaultId: team.id } as never),
      api.entries.transfer({ entryIds: [id], toVaultId: team.id, mode: 'move', secret: SECRET } as never),
      api.entries.transfer({ entryIds: tooMany, toVaultId: team.id, mode: 'move' }),
      api.entries.deleteMany({ entryIds: [] }),
      api.entries.deleteMany({ entryIds: [SECRET] }),
      api.entries.deleteMany({ entryIds: id } as never),
      api.entries.deleteMany({ entryIds: [id], [SECRET]: true } as never),
      api.entries.deleteMany({ entryIds: tooMany }),
      api.entries.restoreMany({ entryIds: [] }),
      api.entries.restoreMany({ entryIds: [id], note: SECRET } as never),
      api.entries.tag({ entryIds: [id], add: [], remove: [] }),
      api.entries.tag({ entryIds: [id], add: ['ops'] } as never),
      api.entries.tag({ entryIds: [id], add: [SECRET.repeat(2)], remove: [] }),
      api.entries.tag({ entryIds: [id], add: Array.from({ length: 51 }, (_, i) => `t${i}`), remove: [] }),
      api.entries.tag({ entryIds: [], add: ['ops'], remove: [] }),
      api.entries.tag({ entryIds: [id], add: ['Ops'], remove: ['ops'] }), // both added and removed
      api.entries.tag({ entryIds: [id], add: ['ops'], remove: [], secret: SECRET } as never),
      api.entries.restoreVersion({ entryId: id, version: 0 }),
      api.entries.restoreVersion({ entryId: id, version: 1.5 }),
      api.entries.restoreVersion({ entryId: id, version: '1' } as never),
      api.entries.restoreVersion({ entryId: SECRET, version: 1 }),
      api.entries.restoreVersion({ entryId: id, version: 1, secret: SECRET } as never),
      api.entries.copy({ entryId: id, format: 'value', version: -1 }),
    ];
    for (const [at, call] of calls.entries()) {
      const result = await call;
      expect(result.ok, `call ${at}`).toBe(false);
      fails(result, 'INVALID_INPUT', SECRET);
    }
    expect(JSON.stringify(t.core.vaults.db.snapshot())).toBe(before);
    expect(await recordsSince(count)).toEqual([]);
    expect(t.platform.writes).toEqual([]);
    expect(logged).toEqual([]);
  });
});

describe('favourites', () => {
  it('entries:add with favorite stars, entries:update stars and unstars, entries:list shows it', async () => {
    const home = await personal();
    const starred = ok(
      'entries:add',
      await api.entries.add({ vaultId: home.id, name: 'Starred', secret: SECRET, favorite: true }),
    );
    const plain = await addEntry(home.id, 'Plain', `${SECRET}-plain`);
    expect([starred.favorite, plain.favorite]).toEqual([true, false]);
    ok('entries:update', await api.entries.update({ entryId: plain.id, favorite: true }));
    ok('entries:update', await api.entries.update({ entryId: starred.id, favorite: false }));
    const listed = ok('entries:list', await api.entries.list({ vaultId: home.id }));
    expect(listed.map((e) => [e.name, e.favorite, e.secretVersion])).toEqual([
      ['Starred', false, 1],
      ['Plain', true, 1],
    ]);
    fails(await api.entries.update({ entryId: plain.id, favorite: 'yes' } as never), 'INVALID_INPUT', SECRET);
  });
});
