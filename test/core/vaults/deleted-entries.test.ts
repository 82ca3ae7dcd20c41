// Delete with Undo: the deletion is real at once; Undo puts back the same sealed record (key,
// history, id) within ENTRY_UNDO_SECONDS, once, and never after the vault itself was deleted.
import { afterEach, describe, expect, it } from 'vitest';
import { ENTRY_UNDO_SECONDS } from '../../../shared/domain/vault';
import { CANARY, openFixture } from './vault-fixture';

let fx: Awaited<ReturnType<typeof openFixture>>;
afterEach(() => fx?.dispose());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? 'no code',
  );

async function entryWithHistory() {
  fx = await openFixture();
  const vault = await fx.v.vaults.createVault('Work');
  const entry = await fx.v.entries.addEntry({ vaultId: vault.id, name: 'Pyas prod', preset: 'pyas', secret: CANARY });
  await fx.v.entries.updateEntry({ entryId: entry.id, secret: `${CANARY}-v2`, tags: ['prod'] });
  return { vault, entry };
}

describe('deleted entries (Undo)', () => {
  it('deletes for real, and Undo restores the entry with its key, history and id', async () => {
    const { vault, entry } = await entryWithHistory();
    await fx.v.deleted.delete(entry.id);
    expect(fx.v.entries.listEntries(vault.id)).toEqual([]);
    expect(fx.v.vaults.listVaults().find((v) => v.id === vault.id)?.entryCount).toBe(0);

    fx.clock.advance((ENTRY_UNDO_SECONDS - 1) * 1000);
    const restored = await fx.v.deleted.restore(entry.id);
    expect(restored).toMatchObject({ id: entry.id, name: 'Pyas prod', tags: ['prod'], secretVersion: 2 });
    expect(restored.history.map((h) => h.version)).toEqual([1]);
    expect(JSON.stringify(restored)).not.toContain(CANARY);
    expect(fx.v.entries.reveal(entry.id).secret).toBe(`${CANARY}-v2`);
    expect(fx.v.entries.reveal(entry.id, 1).secret).toBe(CANARY);

    // It is back in the file, not only in memory.
    await fx.reopen();
    await fx.v.vaults.unlock(vault.id);
    expect(fx.v.entries.reveal(entry.id).secret).toBe(`${CANARY}-v2`);
  });

  it('restores once; a second Undo is NOT_FOUND', async () => {
    const { vault, entry } = await entryWithHistory();
    await fx.v.deleted.delete(entry.id);
    await fx.v.deleted.restore(entry.id);
    expect(await codeOf(fx.v.deleted.restore(entry.id))).toBe('NOT_FOUND');
    expect(fx.v.entries.listEntries(vault.id)).toHaveLength(1);
  });

  it('refuses after the delay, and the entry stays deleted', async () => {
    const { vault, entry } = await entryWithHistory();
    await fx.v.deleted.delete(entry.id);
    fx.clock.advance(ENTRY_UNDO_SECONDS * 1000);
    await expect(fx.v.deleted.restore(entry.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `The deleted key can no longer be restored: Undo lasts ${ENTRY_UNDO_SECONDS} seconds.`,
    });
    expect(fx.v.entries.listEntries(vault.id)).toEqual([]);
  });

  it('refuses when the vault was deleted meanwhile, and creates no orphan entry', async () => {
    const { vault, entry } = await entryWithHistory();
    await fx.v.deleted.delete(entry.id);
    await fx.v.vaults.deleteVault(vault.id);
    await expect(fx.v.deleted.restore(entry.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '"Pyas prod" cannot be restored: its vault was deleted.',
    });
    expect(fx.v.db.snapshot().entries).toEqual([]);
  });

  it('an unknown or never-deleted id is NOT_FOUND and changes nothing', async () => {
    const { vault, entry } = await entryWithHistory();
    expect(await codeOf(fx.v.deleted.restore(entry.id))).toBe('NOT_FOUND');
    expect(await codeOf(fx.v.deleted.restore(crypto.randomUUID()))).toBe('NOT_FOUND');
    expect(fx.v.entries.listEntries(vault.id)).toHaveLength(1);
  });
});
