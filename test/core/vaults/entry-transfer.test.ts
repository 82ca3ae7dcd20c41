// Move and copy between vaults (entry-transfer.ts): every value and kept version is re-sealed under the
// target vault's key, in one commit; both vaults must be unlocked; a tampered entry is not carried over.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VAULTS_FILE_NAME } from '../../../electron/core/vaults/vault-db';
import {
  allValues,
  codeOf,
  editVaultsFile,
  journalLines,
  openCrashCopy,
  twoVaults,
  type Fixture,
} from './entry-actions-fixture';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

let fx: Fixture;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await fx?.dispose();
});

const VALUES = [`${CANARY}-v3`, CANARY, `${CANARY}-v2`];
const snapshot = () => JSON.stringify(fx.v.db.snapshot());

describe('moving entries to another vault', () => {
  it('keeps the id; the key and every kept version open from the target only; the source no longer has it', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    const before = fx.v.entries.get(entry.id);
    const { entries, from } = await fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: team.id, mode: 'move' });

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: entry.id,
      vaultId: team.id,
      name: 'Pyas prod',
      tags: ['prod'],
      notes: 'billing',
      secretVersion: 3,
      createdAt: before.createdAt,
    });
    expect(entries[0]!.history.map((h) => h.version)).toEqual([1, 2]);
    expect(from.map((record) => record.vaultId)).toEqual([work.id]);
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    expect(fx.v.entries.listEntries(work.id)).toEqual([]);
    expect(fx.v.entries.listEntries(team.id).map((e) => e.id)).toEqual([entry.id]);
    expect(fx.v.db.snapshot().entries.filter((e) => e.id === entry.id)).toHaveLength(1);
    expect(allValues(fx.v, entry.id)).toEqual(VALUES);

    // Sealed under Team's key: with Work locked the values still open, with Team locked they do not.
    fx.v.vaults.lock(work.id);
    expect(fx.v.entries.reveal(entry.id, 1).secret).toBe(CANARY);
    fx.v.vaults.lock(team.id);
    expect(() => fx.v.entries.reveal(entry.id)).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });

  it('survives a crash (journal replay) and a clean reopen (compaction), and no file holds a key in clear', async () => {
    fx = await openFixture();
    const { team, entry } = await twoVaults(fx);
    const lines = await journalLines(fx);
    await fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: team.id, mode: 'move' });
    // One commit: the delete from Work and the insert into Team are one journal line.
    expect(await journalLines(fx)).toBe(lines + 1);

    const crashed = await openCrashCopy(fx);
    cleanups.push(() => crashed.dispose());
    await crashed.v.vaults.unlock(team.id);
    expect(crashed.v.entries.get(entry.id).vaultId).toBe(team.id);
    expect(allValues(crashed.v, entry.id)).toEqual(VALUES);
    expect(await filesContaining(crashed.dir, CANARY)).toEqual([]);

    await fx.reopen();
    expect(await journalLines(fx)).toBe(0);
    await fx.v.vaults.unlock(team.id);
    expect(allValues(fx.v, entry.id)).toEqual(VALUES);
    const onDisk = await readFile(join(fx.dir, VAULTS_FILE_NAME), 'utf8');
    expect(onDisk).toContain(entry.id);
    expect(await filesContaining(fx.dir, CANARY)).toEqual([]);
  });

  it('gives a name already taken in the target " (2)", then " (3)", without regard to case', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    await fx.v.entries.addEntry({ vaultId: team.id, name: 'PYAS PROD', secret: 'team-own' });
    await fx.v.entries.addEntry({ vaultId: team.id, name: 'pyas prod (2)', secret: 'team-own-2' });
    const other = await fx.v.entries.addEntry({ vaultId: work.id, name: 'Pyas Prod (2)', secret: 'work-2' });
    const { entries } = await fx.v.moves.transfer({
      entryIds: [entry.id, other.id],
      toVaultId: team.id,
      mode: 'move',
    });
    // "Pyas prod (2)" is taken in Team, so the first gets (3); the second's own name is then taken too.
    expect(entries.map((e) => e.name)).toEqual(['Pyas prod (3)', 'Pyas Prod (2) (2)']);
    expect(fx.v.entries.listEntries(team.id)).toHaveLength(4);
    expect(fx.v.entries.reveal(other.id).secret).toBe('work-2');
  });

  it('refuses a move into the vault the entry is already in, and changes nothing', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    const other = await fx.v.entries.addEntry({ vaultId: team.id, name: 'GitHub', secret: 'gh-key' });
    const before = snapshot();
    await expect(
      fx.v.moves.transfer({ entryIds: [other.id, entry.id], toVaultId: work.id, mode: 'move' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Some of these keys are already in "Work".' });
    expect(snapshot()).toBe(before);
  });

  it('refuses an unknown entry or vault as NOT_FOUND, and moves none of the others', async () => {
    fx = await openFixture();
    const { team, entry } = await twoVaults(fx);
    const before = snapshot();
    expect(
      await codeOf(
        fx.v.moves.transfer({ entryIds: [entry.id, crypto.randomUUID()], toVaultId: team.id, mode: 'move' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: crypto.randomUUID(), mode: 'copy' })),
    ).toBe('NOT_FOUND');
    expect(snapshot()).toBe(before);
  });
});

describe('copying entries to another vault', () => {
  it('gives the copy a new id and creation time; both open every version; the source is intact', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    fx.clock.advance(3_600_000);
    const { entries } = await fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: team.id, mode: 'copy' });
    const copy = entries[0]!;
    expect(copy.id).not.toBe(entry.id);
    expect(copy).toMatchObject({ vaultId: team.id, name: 'Pyas prod', secretVersion: 3, tags: ['prod'] });
    expect(copy.createdAt).toBe(fx.clock.now().toISOString());
    expect(copy.updatedAt).toBe(fx.clock.now().toISOString());
    expect(copy.history.map((h) => h.version)).toEqual([1, 2]);

    expect(allValues(fx.v, copy.id)).toEqual(VALUES);
    expect(allValues(fx.v, entry.id)).toEqual(VALUES);
    expect(fx.v.entries.get(entry.id)).toMatchObject({ vaultId: work.id, createdAt: '2026-11-23T10:00:00.000Z' });
    expect(fx.v.vaults.listVaults().map((v) => [v.name, v.entryCount])).toEqual([
      ['Personal', 0],
      ['Work', 1],
      ['Team', 1],
    ]);

    // The copy opens with Team's key alone.
    fx.v.vaults.lock(work.id);
    expect(allValues(fx.v, copy.id)).toEqual(VALUES);
    await fx.reopen();
    await fx.v.vaults.unlock(team.id);
    expect(allValues(fx.v, copy.id)).toEqual(VALUES);
    expect(await filesContaining(fx.dir, CANARY)).toEqual([]);
  });

  it('copies into the same vault as "Name (2)", "Name (3)"', async () => {
    fx = await openFixture();
    const { work, entry } = await twoVaults(fx);
    const first = await fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: work.id, mode: 'copy' });
    const second = await fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: work.id, mode: 'copy' });
    expect([first.entries[0]!.name, second.entries[0]!.name]).toEqual(['Pyas prod (2)', 'Pyas prod (3)']);
    expect(fx.v.entries.reveal(second.entries[0]!.id, 1).secret).toBe(CANARY);
  });
});

describe('both vaults must be unlocked', () => {
  it('LOCKED when the source or the target is locked, for move and copy; nothing changes', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    const lines = await journalLines(fx);
    const before = snapshot();
    for (const locked of [work.id, team.id]) {
      fx.v.vaults.lock(locked);
      for (const mode of ['move', 'copy'] as const) {
        await expect(fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: team.id, mode })).rejects.toMatchObject({
          code: 'LOCKED',
          message: expect.not.stringContaining(CANARY),
        });
      }
      await fx.v.vaults.unlock(locked);
    }
    expect(snapshot()).toBe(before);
    expect(await journalLines(fx)).toBe(lines);
    expect(fx.v.entries.get(entry.id).vaultId).toBe(work.id);
  });

  it('a selection spanning an unlocked and a locked vault moves nothing (one commit, all or none)', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    const personal = fx.v.vaults.listVaults().find((v) => v.name === 'Personal')!;
    const loose = await fx.v.entries.addEntry({ vaultId: personal.id, name: 'Loose', secret: 'loose-key' });
    fx.v.vaults.lock(work.id);
    const before = snapshot();
    expect(
      await codeOf(fx.v.moves.transfer({ entryIds: [loose.id, entry.id], toVaultId: team.id, mode: 'move' })),
    ).toBe('LOCKED');
    expect(snapshot()).toBe(before);
    expect(fx.v.entries.get(loose.id).vaultId).toBe(personal.id);
  });
});

describe('an entry whose settings were changed outside Keyhaven', () => {
  it('is neither moved nor copied under a fresh seal: TAMPERED, nothing changes', async () => {
    fx = await openFixture();
    const { work, team, entry } = await twoVaults(fx);
    await editVaultsFile(fx, (doc) => {
      const record = doc.entries.find((e) => e['id'] === entry.id)!;
      record['allowedHosts'] = ['evil.example'];
    });
    await fx.v.vaults.unlock(work.id);
    await fx.v.vaults.unlock(team.id);
    const before = snapshot();
    for (const mode of ['move', 'copy'] as const) {
      await expect(fx.v.moves.transfer({ entryIds: [entry.id], toVaultId: team.id, mode })).rejects.toMatchObject({
        code: 'TAMPERED',
        message: expect.stringContaining('"Pyas prod"'),
      });
    }
    expect(snapshot()).toBe(before);
    expect(fx.v.entries.listEntries(team.id)).toEqual([]);
  });
});
