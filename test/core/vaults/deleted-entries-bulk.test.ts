// Bulk delete with one Undo (deleted-entries.ts): every chosen entry goes in one commit; Undo within
// ENTRY_UNDO_SECONDS puts the same sealed records back in one commit, never into a vault deleted since.
import { afterEach, describe, expect, it } from 'vitest';
import { ENTRY_UNDO_SECONDS } from '../../../shared/domain/vault';
import { allValues, codeOf, journalLines, twoVaults, type Fixture } from './entry-actions-fixture';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

let fx: Fixture;
afterEach(() => fx?.dispose());

const snapshot = () => JSON.stringify(fx.v.db.snapshot());

/** Pyas prod (three versions) and GitHub in Work, Slack in Team. */
async function threeEntries() {
  fx = await openFixture();
  const { work, team, entry } = await twoVaults(fx);
  const github = await fx.v.entries.addEntry({ vaultId: work.id, name: 'GitHub', secret: `${CANARY}-gh` });
  const slack = await fx.v.entries.addEntry({ vaultId: team.id, name: 'Slack', secret: `${CANARY}-slack` });
  return { work, team, ids: [entry.id, github.id, slack.id] };
}

describe('bulk delete', () => {
  it('deletes every chosen entry, across vaults, in one commit; Undo brings all back with keys, history and ids', async () => {
    const { work, team, ids } = await threeEntries();
    const values = ids.map((id) => allValues(fx.v, id));
    const lines = await journalLines(fx);
    const deleted = await fx.v.deleted.deleteMany([...ids, ids[0]!]);
    expect(deleted.map((e) => e.id)).toEqual(ids);
    expect(JSON.stringify(deleted)).not.toContain(CANARY);
    expect(await journalLines(fx)).toBe(lines + 1);
    expect(fx.v.db.snapshot().entries).toEqual([]);
    expect(fx.v.vaults.listVaults().map((v) => v.entryCount)).toEqual([0, 0, 0]);

    fx.clock.advance((ENTRY_UNDO_SECONDS - 1) * 1000);
    const restored = await fx.v.deleted.restoreMany(ids);
    expect(restored.map((e) => [e.id, e.name, e.secretVersion])).toEqual([
      [ids[0], 'Pyas prod', 3],
      [ids[1], 'GitHub', 1],
      [ids[2], 'Slack', 1],
    ]);
    expect(await journalLines(fx)).toBe(lines + 2);
    expect(ids.map((id) => allValues(fx.v, id))).toEqual(values);

    // Back in the file, not only in memory; and never a key in clear there.
    await fx.reopen();
    await fx.v.vaults.unlock(work.id);
    await fx.v.vaults.unlock(team.id);
    expect(ids.map((id) => allValues(fx.v, id))).toEqual(values);
    expect(await filesContaining(fx.dir, CANARY)).toEqual([]);
  });

  it('an unknown id among the chosen is NOT_FOUND and deletes none of them', async () => {
    const { ids } = await threeEntries();
    const before = snapshot();
    expect(await codeOf(fx.v.deleted.deleteMany([ids[0]!, crypto.randomUUID()]))).toBe('NOT_FOUND');
    expect(snapshot()).toBe(before);
    // Nothing was deleted, so there is nothing to undo either.
    expect(await codeOf(fx.v.deleted.restoreMany([ids[0]!]))).toBe('NOT_FOUND');
  });

  it('works with the vaults locked (no key is opened)', async () => {
    const { work, team, ids } = await threeEntries();
    fx.v.vaults.lockAll();
    await fx.v.deleted.deleteMany(ids);
    expect(fx.v.db.snapshot().entries).toEqual([]);
    expect(await fx.v.deleted.restoreMany(ids)).toHaveLength(3);
    await fx.v.vaults.unlock(work.id);
    await fx.v.vaults.unlock(team.id);
    expect(fx.v.entries.reveal(ids[0]!, 1).secret).toBe(CANARY);
  });
});

describe('Undo of a bulk delete', () => {
  it(`is refused after ${ENTRY_UNDO_SECONDS} seconds (NOT_FOUND) and the entries stay deleted`, async () => {
    const { ids } = await threeEntries();
    await fx.v.deleted.deleteMany(ids);
    fx.clock.advance(ENTRY_UNDO_SECONDS * 1000);
    await expect(fx.v.deleted.restoreMany(ids)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `The deleted keys can no longer be restored: Undo lasts ${ENTRY_UNDO_SECONDS} seconds.`,
    });
    expect(fx.v.db.snapshot().entries).toEqual([]);
  });

  it('restores once: a second Undo is NOT_FOUND and adds nothing twice', async () => {
    const { ids } = await threeEntries();
    await fx.v.deleted.deleteMany(ids);
    await fx.v.deleted.restoreMany(ids);
    expect(await codeOf(fx.v.deleted.restoreMany(ids))).toBe('NOT_FOUND');
    expect(fx.v.db.snapshot().entries).toHaveLength(3);
  });

  it('restores only the entries whose vault still exists; no orphan entry is created', async () => {
    const { work, team, ids } = await threeEntries();
    await fx.v.deleted.deleteMany(ids);
    await fx.v.vaults.deleteVault(work.id);
    const restored = await fx.v.deleted.restoreMany(ids);
    expect(restored.map((e) => e.id)).toEqual([ids[2]]);
    expect(fx.v.db.snapshot().entries.map((e) => [e.id, e.vaultId])).toEqual([[ids[2], team.id]]);
    expect(fx.v.entries.reveal(ids[2]!).secret).toBe(`${CANARY}-slack`);
    // The others are forgotten, not kept for a later Undo.
    expect(await codeOf(fx.v.deleted.restoreMany(ids.slice(0, 2)))).toBe('NOT_FOUND');
  });

  it('restores part of a selection: what was deleted comes back, ids never deleted are ignored', async () => {
    const { ids } = await threeEntries();
    await fx.v.deleted.deleteMany([ids[1]!]);
    const restored = await fx.v.deleted.restoreMany([ids[1]!, crypto.randomUUID()]);
    expect(restored.map((e) => e.id)).toEqual([ids[1]]);
    expect(fx.v.db.snapshot().entries).toHaveLength(3);
  });
});
