// Bulk tags and restoring a previous version (entry-edits.ts): tags compared without regard to case,
// an entry left as it was is not written; a kept version becomes a new current one, nothing is lost.
import { afterEach, describe, expect, it } from 'vitest';
import { TAGS_MAX } from '../../../shared/domain/vault';
import { allValues, codeOf, journalLines, twoVaults, type Fixture } from './entry-actions-fixture';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

let fx: Fixture;
afterEach(() => fx?.dispose());

const snapshot = () => JSON.stringify(fx.v.db.snapshot());

async function threeTagged() {
  fx = await openFixture();
  const vault = await fx.v.vaults.createVault('Work');
  const add = (name: string, tags: string[]) =>
    fx.v.entries.addEntry({ vaultId: vault.id, name, secret: CANARY, tags });
  return { vault, a: await add('A', ['prod']), b: await add('B', ['Ops']), c: await add('C', []) };
}

describe('bulk tags', () => {
  it('adds the missing tags in the order given and removes others, without regard to case', async () => {
    const { a, b, c } = await threeTagged();
    fx.clock.advance(60_000);
    const changes = await fx.v.edits.tag({ entryIds: [a.id, b.id, c.id], add: ['ops', 'CI', 'ci'], remove: ['PROD'] });
    expect(changes.map(({ entry, added, removed }) => [entry.name, entry.tags, added, removed])).toEqual([
      ['A', ['ops', 'CI'], ['ops', 'CI'], ['prod']],
      ['B', ['Ops', 'CI'], ['CI'], []],
      ['C', ['ops', 'CI'], ['ops', 'CI'], []],
    ]);
    expect([a, b, c].map((e) => fx.v.entries.get(e.id).tags)).toEqual([
      ['ops', 'CI'],
      ['Ops', 'CI'],
      ['ops', 'CI'],
    ]);
    expect(fx.v.entries.get(a.id).updatedAt).toBe(fx.clock.now().toISOString());
    // Stored, not only in memory.
    await fx.reopen();
    expect(fx.v.entries.get(b.id).tags).toEqual(['Ops', 'CI']);
  });

  it('writes nothing for entries already as asked: not in the answer, not in the file, updatedAt kept', async () => {
    const { a, b } = await threeTagged();
    const before = fx.v.entries.get(b.id);
    const lines = await journalLines(fx);
    fx.clock.advance(60_000);
    expect(await fx.v.edits.tag({ entryIds: [b.id], add: ['OPS'], remove: ['absent'] })).toEqual([]);
    expect(await journalLines(fx)).toBe(lines);

    const changes = await fx.v.edits.tag({ entryIds: [a.id, b.id, a.id], add: ['ops'], remove: [] });
    expect(changes.map((change) => change.entry.id)).toEqual([a.id]);
    expect(fx.v.entries.get(b.id)).toEqual(before);
    expect(await journalLines(fx)).toBe(lines + 1);
  });

  it(`refuses more than ${TAGS_MAX} tags on an entry, and then writes none of the chosen entries`, async () => {
    const { vault, a } = await threeTagged();
    const full = await fx.v.entries.addEntry({
      vaultId: vault.id,
      name: 'Full',
      secret: CANARY,
      tags: Array.from({ length: TAGS_MAX - 1 }, (_, i) => `t${i}`),
    });
    const before = snapshot();
    await expect(fx.v.edits.tag({ entryIds: [a.id, full.id], add: ['x', 'y'], remove: [] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `"Full" would have more than ${TAGS_MAX} tags.`,
    });
    expect(snapshot()).toBe(before);
    // Exactly the maximum is fine.
    await fx.v.edits.tag({ entryIds: [full.id], add: ['x'], remove: [] });
    expect(fx.v.entries.get(full.id).tags).toHaveLength(TAGS_MAX);
  });

  it('works while the vault is locked (metadata only), and refuses an unknown entry with nothing written', async () => {
    const { vault, a, b } = await threeTagged();
    fx.v.vaults.lock(vault.id);
    await fx.v.edits.tag({ entryIds: [a.id], add: ['ops'], remove: [] });
    expect(fx.v.entries.get(a.id).tags).toEqual(['prod', 'ops']);
    const before = snapshot();
    expect(await codeOf(fx.v.edits.tag({ entryIds: [b.id, crypto.randomUUID()], add: ['new'], remove: [] }))).toBe(
      'NOT_FOUND',
    );
    expect(snapshot()).toBe(before);
    expect(await codeOf(fx.v.edits.tag({ entryIds: [a.id], add: [], remove: [] }))).toBe('INVALID_INPUT');
  });
});

describe('restoring a previous version', () => {
  it('makes the kept value a new current version; the replaced one goes to history; all survive a reopen', async () => {
    fx = await openFixture();
    const { work, entry } = await twoVaults(fx);
    fx.clock.advance(60_000);
    const { entry: restored, from } = await fx.v.edits.restoreVersion({ entryId: entry.id, version: 1 });
    expect(from).toBe(1);
    expect(restored).toMatchObject({ secretVersion: 4, updatedAt: fx.clock.now().toISOString() });
    expect(restored.history.map((h) => h.version)).toEqual([1, 2, 3]);
    expect(JSON.stringify(restored)).not.toContain(CANARY);
    const values = [CANARY, CANARY, `${CANARY}-v2`, `${CANARY}-v3`];
    expect(allValues(fx.v, entry.id)).toEqual(values);

    await fx.reopen();
    await fx.v.vaults.unlock(work.id);
    expect(allValues(fx.v, entry.id)).toEqual(values);
    expect(await filesContaining(fx.dir, CANARY)).toEqual([]);
  });

  it('refuses the current version (INVALID_INPUT) and one never kept (NOT_FOUND), changing nothing', async () => {
    fx = await openFixture();
    const { entry } = await twoVaults(fx);
    const before = snapshot();
    await expect(fx.v.edits.restoreVersion({ entryId: entry.id, version: 3 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Version 3 is already the current key.',
    });
    await expect(fx.v.edits.restoreVersion({ entryId: entry.id, version: 9 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Version 9 of this entry is no longer kept.',
    });
    expect(await codeOf(fx.v.edits.restoreVersion({ entryId: entry.id, version: 0 }))).toBe('INVALID_INPUT');
    expect(await codeOf(fx.v.edits.restoreVersion({ entryId: crypto.randomUUID(), version: 1 }))).toBe('NOT_FOUND');
    expect(snapshot()).toBe(before);
  });

  it('refuses a rotated key whose grace ended (dropped from history) as NOT_FOUND', async () => {
    fx = await openFixture();
    const vault = await fx.v.vaults.createVault('Issued');
    const oldKeyId = crypto.randomUUID();
    const saved = await fx.v.entries.saveIssuedKey(vault.id, {
      issuedKeyId: oldKeyId,
      name: 'Pyas issued',
      plaintext: CANARY,
      scheme: { kind: 'bearer' },
      expiresAt: null,
      appName: 'Pyas',
      scopes: ['read:items'],
    });
    const graceEndsAt = new Date(fx.clock.now().getTime() + 3_600_000).toISOString();
    await fx.v.entries.replaceIssuedSecret(oldKeyId, {
      issuedKeyId: crypto.randomUUID(),
      plaintext: `${CANARY}-rotated`,
      graceEndsAt,
      expiresAt: null,
    });
    await fx.v.vaults.unlock(vault.id);
    fx.clock.set(graceEndsAt);
    const before = snapshot();
    expect(await codeOf(fx.v.edits.restoreVersion({ entryId: saved.id, version: 1 }))).toBe('NOT_FOUND');
    expect(snapshot()).toBe(before);
    expect(fx.v.entries.reveal(saved.id).secret).toBe(`${CANARY}-rotated`);
  });

  it('needs the vault unlocked: LOCKED, nothing changes', async () => {
    fx = await openFixture();
    const { work, entry } = await twoVaults(fx);
    fx.v.vaults.lock(work.id);
    const before = snapshot();
    await expect(fx.v.edits.restoreVersion({ entryId: entry.id, version: 1 })).rejects.toMatchObject({
      code: 'LOCKED',
    });
    expect(snapshot()).toBe(before);
  });
});
