import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { vaultAccount } from '../../../electron/core/vaults/data-keys';
import { MemoryKeychain } from '../../support/memory-keychain';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

type Fixture = Awaited<ReturnType<typeof openFixture>>;
let fx: Fixture;
afterEach(() => fx?.dispose());

const codeOf = async (promise: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error instanceof CoreError || (error as { code?: string }).code ? (error as CoreError).code : 'other';
  }
  return 'none';
};

async function expectNoCanary(text = CANARY) {
  await fx.v.db.compact();
  expect(await filesContaining(fx.dir, text)).toEqual([]);
}

describe('vault service', () => {
  it('creates the default vault once, adds, reveals, updates with history, deletes', async () => {
    fx = await openFixture();
    // First run created "Personal"; reopening (the file exists now) never adds another.
    expect(fx.v.vaults.listVaults()).toMatchObject([{ name: 'Personal', entryCount: 0 }]);
    await fx.reopen();
    expect(fx.v.vaults.listVaults()).toHaveLength(1);
    const personal = await fx.v.vaults.ensureDefaultVault();
    expect(personal.name).toBe('Personal');
    await fx.v.vaults.unlock(personal.id);
    expect((await fx.v.vaults.ensureDefaultVault()).id).toBe(personal.id);
    const entry = await fx.v.entries.addEntry({
      vaultId: personal.id,
      name: 'Pyas prod',
      preset: 'pyas',
      secret: `x-api-key: ${CANARY}`,
    });
    expect(entry.scheme).toEqual({ kind: 'x-api-key' });
    expect(fx.v.entries.reveal(entry.id).secret).toBe(CANARY);
    await expectNoCanary();

    fx.clock.advance(60_000);
    // A new value pasted with its header is split, and its scheme taken, as in Add key.
    const updated = await fx.v.entries.updateEntry({
      entryId: entry.id,
      secret: `Authorization: Bearer ${CANARY}-v2`,
      tags: ['prod'],
    });
    expect(updated.scheme).toEqual({ kind: 'bearer' });
    expect(updated.secretVersion).toBe(2);
    expect(updated.history).toEqual([{ version: 1, replacedAt: fx.clock.now().toISOString(), keepUntil: null }]);
    expect(fx.v.entries.reveal(entry.id).secret).toBe(`${CANARY}-v2`);
    await expectNoCanary();

    await fx.reopen();
    await fx.v.vaults.unlock(personal.id);
    expect(fx.v.entries.reveal(entry.id).secret).toBe(`${CANARY}-v2`);
    expect(fx.v.vaults.listVaults()).toMatchObject([{ name: 'Personal', entryCount: 1, locked: false }]);
    await fx.v.entries.deleteEntry(entry.id);
    expect(fx.v.entries.listEntries(personal.id)).toEqual([]);
    await expectNoCanary();
  });

  it('locks: reveal says LOCKED, lists still show metadata only, unlock needs one keychain read', async () => {
    const keychain = new MemoryKeychain();
    fx = await openFixture(keychain);
    const vault = await fx.v.vaults.createVault('Work');
    const entry = await fx.v.entries.addEntry({
      vaultId: vault.id,
      name: 'Extracta',
      preset: 'extracta',
      secret: CANARY,
    });
    fx.v.vaults.lockAll();
    expect(await codeOf(() => fx.v.entries.reveal(entry.id))).toBe('LOCKED');
    expect(await codeOf(fx.v.entries.updateEntry({ entryId: entry.id, secret: 'other-secret' }))).toBe('LOCKED');
    const listed = fx.v.entries.listEntries(vault.id);
    expect(listed[0]).toMatchObject({ name: 'Extracta', scheme: { kind: 'bearer' } });
    expect(JSON.stringify(listed)).not.toMatch(/"secret"|"sealed"|"ct"/);
    expect(fx.v.vaults.summary(vault.id)).toMatchObject({ locked: true, entryCount: 1 });
    await fx.v.entries.updateEntry({ entryId: entry.id, notes: 'metadata edits work while locked' });

    let reads = 0;
    const get = keychain.get.bind(keychain);
    keychain.get = (account) => (reads++, get(account));
    await fx.v.vaults.unlock(vault.id);
    await fx.v.vaults.unlock(vault.id);
    expect(fx.v.entries.reveal(entry.id).secret).toBe(CANARY);
    expect(reads).toBe(1);
  });

  it('lock zero-fills the data key it held', async () => {
    fx = await openFixture();
    const vault = await fx.v.vaults.createVault('Z');
    const key = fx.v.vaults.keys.get(vault.id)!;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    fx.v.vaults.lock(vault.id);
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(fx.v.vaults.keys.get(vault.id)).toBeNull();
  });

  it('rotation keeps the old value in history until the grace end; issued keys unlock on demand', async () => {
    fx = await openFixture();
    const vault = await fx.v.vaults.createVault('Issued');
    const oldId = crypto.randomUUID();
    const newId = crypto.randomUUID();
    const saved = await fx.v.entries.saveIssuedKey(vault.id, {
      issuedKeyId: oldId,
      name: 'CI key',
      plaintext: CANARY,
      scheme: { kind: 'x-api-key' },
      expiresAt: null,
      appName: 'Cerby',
      scopes: ['Read items'],
    });
    expect(saved).toMatchObject({ kind: 'issued', issuedKeyId: oldId });
    fx.v.vaults.lockAll();
    const grace = new Date(fx.clock.now().getTime() + 3_600_000).toISOString();
    expect(
      await fx.v.entries.replaceIssuedSecret(oldId, {
        issuedKeyId: newId,
        plaintext: `${CANARY}-rotated`,
        graceEndsAt: grace,
        expiresAt: null,
      }),
    ).toBe(1);
    const [entry] = fx.v.entries.listEntries(vault.id);
    expect(entry).toMatchObject({ issuedKeyId: newId, secretVersion: 2, history: [{ version: 1, keepUntil: grace }] });
    await fx.v.vaults.unlock(vault.id); // the update locked it again
    expect(fx.v.entries.reveal(saved.id).secret).toBe(`${CANARY}-rotated`);
    expect(fx.v.entries.reveal(saved.id, 1).secret).toBe(CANARY);
    // Past the grace end the old value is gone from lists, Show and exports at once...
    fx.clock.advance(2 * 3_600_000);
    expect(fx.v.entries.listEntries(vault.id)[0]!.history).toEqual([]);
    expect(await codeOf(() => fx.v.entries.reveal(saved.id, 1))).toBe('NOT_FOUND');
    const exported = await fx.v.transfer.exportVault(vault.id, 'correct horse battery staple', { scryptN: 1024 });
    const preview = await fx.v.transfer.previewImport(vault.id, exported.file, 'correct horse battery staple');
    expect(preview.entryCount).toBe(1);
    const target = await fx.v.vaults.createVault('Copy');
    await fx.v.transfer.importInto(target.id, exported.file, 'correct horse battery staple');
    const [copy] = fx.v.entries.listEntries(target.id);
    expect(copy!.history).toEqual([]);
    // ...and the next new version drops it from the file.
    await fx.v.entries.updateEntry({ entryId: saved.id, secret: 'third-value' });
    expect(fx.v.entries.listEntries(vault.id)[0]!.history.map((h) => h.version)).toEqual([2]);
    await expectNoCanary();
  });

  it('renames, refuses duplicate names, deletes a vault with its entries and its keychain item', async () => {
    const keychain = new MemoryKeychain();
    fx = await openFixture(keychain);
    const a = await fx.v.vaults.createVault('Team');
    expect(await codeOf(fx.v.vaults.createVault('team'))).toBe('CONFLICT');
    await fx.v.vaults.renameVault(a.id, 'Team A');
    await fx.v.entries.addEntry({ vaultId: a.id, name: 'one', secret: CANARY });
    await fx.v.entries.addEntry({ vaultId: a.id, name: 'two', secret: 'second' });
    expect(keychain.entries.has(vaultAccount(a.id))).toBe(true);
    expect(await fx.v.vaults.deleteVault(a.id)).toBe(2);
    expect(keychain.entries.has(vaultAccount(a.id))).toBe(false);
    expect(fx.v.vaults.listVaults().map((v) => v.name)).toEqual(['Personal']);
    expect(await codeOf(fx.v.vaults.deleteVault(a.id))).toBe('NOT_FOUND');
    await expectNoCanary();
  });

  it('a data key gone from the keychain: KEYCHAIN_DATA_MISSING, vault and entries kept on disk', async () => {
    const keychain = new MemoryKeychain();
    fx = await openFixture(keychain);
    const vault = await fx.v.vaults.createVault('Lost');
    const entry = await fx.v.entries.addEntry({ vaultId: vault.id, name: 'k', secret: CANARY });
    await fx.reopen();
    keychain.entries.delete(vaultAccount(vault.id));
    const error = await fx.v.vaults.unlock(vault.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KEYCHAIN_DATA_MISSING' });
    expect((error as Error).message).toContain('"Lost"');
    expect((error as Error).message).toMatch(/export/);
    expect(keychain.entries.has(vaultAccount(vault.id))).toBe(false); // no new key was made
    await fx.reopen();
    expect(fx.v.entries.listEntries(vault.id).map((e) => e.id)).toEqual([entry.id]);
    // A key that is there but is another vault's is refused the same way.
    keychain.entries.set(vaultAccount(vault.id), Buffer.alloc(32, 7).toString('base64'));
    expect(await codeOf(fx.v.vaults.unlock(vault.id))).toBe('KEYCHAIN_DATA_MISSING');
  });

  it('an unavailable keychain: KEYCHAIN_UNAVAILABLE, vaults stay locked, nothing in clear', async () => {
    const keychain = new MemoryKeychain();
    fx = await openFixture(keychain);
    const vault = await fx.v.vaults.createVault('Home');
    const entry = await fx.v.entries.addEntry({ vaultId: vault.id, name: 'k', secret: CANARY });
    await fx.reopen();
    keychain.unavailable = true;
    expect(await codeOf(fx.v.vaults.unlock(vault.id))).toBe('KEYCHAIN_UNAVAILABLE');
    expect(await codeOf(fx.v.vaults.createVault('New'))).toBe('KEYCHAIN_UNAVAILABLE');
    const issued = {
      issuedKeyId: crypto.randomUUID(),
      name: 'x',
      plaintext: `${CANARY}-2`,
      scheme: { kind: 'x-api-key' as const },
      expiresAt: null,
      appName: 'A',
      scopes: [],
    };
    expect(await codeOf(fx.v.entries.saveIssuedKey(vault.id, issued))).toBe('KEYCHAIN_UNAVAILABLE');
    expect(await codeOf(() => fx.v.entries.reveal(entry.id))).toBe('LOCKED');
    expect(fx.v.vaults.listVaults()).toMatchObject([
      { name: 'Personal', locked: true },
      { name: 'Home', locked: true },
    ]);
    await expectNoCanary();
    await expectNoCanary(`${CANARY}-2`);
    expect((await readdir(fx.dir)).sort()).toContain('vaults.json');
  });

  it('unlocks a 1,000-entry vault and reveals every entry', async () => {
    fx = await openFixture();
    const vault = await fx.v.vaults.createVault('Big');
    for (let i = 0; i < 1000; i++)
      await fx.v.entries.addEntry({ vaultId: vault.id, name: `k${i}`, secret: `secret-${i}` });
    await fx.reopen();
    const started = performance.now();
    await fx.v.vaults.unlock(vault.id);
    const unlocked = performance.now();
    const all = fx.v.entries.listEntries(vault.id).map((e) => fx.v.entries.reveal(e.id));
    const done = performance.now();
    expect(all).toHaveLength(1000);
    console.info(
      `[vaults] 1,000 entries: unlock (one keychain read) ${(unlocked - started).toFixed(1)} ms, decrypt all ${(done - unlocked).toFixed(1)} ms`,
    );
  }, 60_000);

  it('refuses a paste that is empty once split from its quotes or header', async () => {
    fx = await openFixture();
    const vault = await fx.v.vaults.createVault('Paste');
    for (const secret of ['""', "''", '``']) {
      expect(await codeOf(fx.v.entries.addEntry({ vaultId: vault.id, name: 'k', secret })), secret).toBe(
        'INVALID_INPUT',
      );
    }
    const entry = await fx.v.entries.addEntry({ vaultId: vault.id, name: 'k', secret: 'real-key' });
    expect(await codeOf(fx.v.entries.updateEntry({ entryId: entry.id, secret: '""' }))).toBe('INVALID_INPUT');
    expect(fx.v.entries.listEntries(vault.id)).toHaveLength(1);
  });

  it('a write that unlocks on demand (rotation, Save in vault, import) leaves a locked vault locked', async () => {
    fx = await openFixture();
    const vault = await fx.v.vaults.createVault('Issued');
    const oldId = crypto.randomUUID();
    fx.v.vaults.lockAll();
    await fx.v.entries.saveIssuedKey(vault.id, {
      issuedKeyId: oldId,
      name: 'CI key',
      plaintext: CANARY,
      scheme: { kind: 'x-api-key' },
      expiresAt: null,
      appName: 'Cerby',
      scopes: [],
    });
    expect(fx.v.vaults.summary(vault.id).locked).toBe(true);
    const next = { issuedKeyId: crypto.randomUUID(), plaintext: `${CANARY}-2`, graceEndsAt: null, expiresAt: null };
    expect(await fx.v.entries.replaceIssuedSecret(oldId, next)).toBe(1);
    expect(fx.v.vaults.summary(vault.id).locked).toBe(true);
    // An unlocked vault stays unlocked.
    await fx.v.vaults.unlock(vault.id);
    const third = { issuedKeyId: crypto.randomUUID(), plaintext: `${CANARY}-3`, graceEndsAt: null, expiresAt: null };
    expect(await fx.v.entries.replaceIssuedSecret(next.issuedKeyId, third)).toBe(1);
    expect(fx.v.vaults.summary(vault.id).locked).toBe(false);
    expect(fx.v.entries.listEntries(vault.id)[0]!.secretVersion).toBe(3);
  });
});
