// The vaults:* channels through window.keyhaven over the real core: list, create, rename, delete, lock, settings.
import { describe, expect, it } from 'vitest';
import { vaultAccount } from '../../../electron/core/vaults/data-keys';
import {
  addEntry,
  api,
  fails,
  ok,
  openApiForEachTest,
  PASSPHRASE,
  personal,
  SECRET,
  t,
} from './vault-channels-fixture';

openApiForEachTest();

describe('vaults channels', () => {
  it('list shows the first-run default vault, unlocked, with metadata only', async () => {
    const vaults = ok('vaults:list', await api.vaults.list());
    expect(vaults).toEqual([
      {
        id: expect.any(String),
        name: 'Personal',
        createdAt: expect.any(String),
        entryCount: 0,
        locked: false,
        keyMissing: false,
      },
    ]);
  });

  it('create, rename, delete; duplicate names CONFLICT; unknown ids NOT_FOUND; bad names INVALID_INPUT', async () => {
    const work = ok('vaults:create', await api.vaults.create({ name: '  Work  ' }));
    expect(work).toMatchObject({ name: 'Work', entryCount: 0, locked: false, keyMissing: false });
    expect(t.keychain.entries.has(vaultAccount(work.id))).toBe(true);
    fails(await api.vaults.create({ name: 'work' }), 'CONFLICT');
    fails(await api.vaults.create({ name: '' }), 'INVALID_INPUT');
    fails(await api.vaults.create({ name: 'x'.repeat(101) }), 'INVALID_INPUT');

    expect(ok('vaults:rename', await api.vaults.rename({ vaultId: work.id, name: 'Team' })).name).toBe('Team');
    fails(await api.vaults.rename({ vaultId: work.id, name: 'Personal' }), 'CONFLICT');
    fails(await api.vaults.rename({ vaultId: crypto.randomUUID(), name: 'Other' }), 'NOT_FOUND');
    fails(await api.vaults.rename({ vaultId: 'not-an-id', name: 'Other' }), 'INVALID_INPUT');

    await addEntry(work.id, 'one');
    await addEntry(work.id, 'two');
    expect(ok('vaults:delete', await api.vaults.delete({ vaultId: work.id }))).toEqual({ deletedEntries: 2 });
    expect(t.keychain.entries.has(vaultAccount(work.id))).toBe(false); // its keychain item went with it
    expect(ok('vaults:list', await api.vaults.list()).map((v) => v.name)).toEqual(['Personal']);
    fails(await api.vaults.delete({ vaultId: work.id }), 'NOT_FOUND');
    fails(await api.entries.list({ vaultId: work.id }), 'NOT_FOUND');
  });

  it('lock one, lock all, unlock; reveal and secret edits answer LOCKED meanwhile', async () => {
    const a = await personal();
    const b = ok('vaults:create', await api.vaults.create({ name: 'B' }));
    const entry = await addEntry(b.id, 'k');
    expect(ok('vaults:lock', await api.vaults.lock({ vaultId: b.id }))).toBeNull();
    expect(ok('vaults:list', await api.vaults.list()).map((v) => v.locked)).toEqual([false, true]);
    fails(await api.entries.reveal({ entryId: entry.id }), 'LOCKED');
    fails(await api.entries.copy({ entryId: entry.id, format: 'value' }), 'LOCKED');
    fails(await api.entries.update({ entryId: entry.id, secret: 'new-value' }), 'LOCKED', 'new-value');
    fails(await api.entries.add({ vaultId: b.id, name: 'n', secret: SECRET }), 'LOCKED', SECRET);
    fails(await api.vaults.export({ vaultId: b.id, passphrase: PASSPHRASE }), 'LOCKED', PASSPHRASE);
    // Metadata stays usable while locked.
    expect(ok('entries:list', await api.entries.list({ vaultId: b.id })).map((e) => e.name)).toEqual(['k']);
    ok('entries:update', await api.entries.update({ entryId: entry.id, tags: ['prod'] }));

    ok('vaults:lock', await api.vaults.lock({}));
    expect(ok('vaults:list', await api.vaults.list()).map((v) => v.locked)).toEqual([true, true]);
    expect(ok('vaults:unlock', await api.vaults.unlock({ vaultId: a.id })).locked).toBe(false);
    expect(ok('vaults:unlock', await api.vaults.unlock({ vaultId: b.id })).locked).toBe(false);
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: entry.id }))).toEqual({
      secret: SECRET,
      version: 1,
    });
    fails(await api.vaults.unlock({ vaultId: crypto.randomUUID() }), 'NOT_FOUND');
  });

  it('unlock with the keychain unreachable: KEYCHAIN_UNAVAILABLE saying what to do; create too', async () => {
    const a = await personal();
    ok('vaults:lock', await api.vaults.lock({}));
    t.keychain.unavailable = true;
    expect(fails(await api.vaults.unlock({ vaultId: a.id }), 'KEYCHAIN_UNAVAILABLE')).toMatch(/GNOME Keyring/);
    fails(await api.vaults.create({ name: 'New' }), 'KEYCHAIN_UNAVAILABLE');
    expect(ok('vaults:list', await api.vaults.list())).toMatchObject([{ name: 'Personal', locked: true }]);
  });

  it('a data key gone from the keychain: unlock KEYCHAIN_DATA_MISSING, then the list shows keyMissing', async () => {
    const a = await personal();
    await addEntry(a.id, 'kept');
    ok('vaults:lock', await api.vaults.lock({}));
    const key = t.keychain.entries.get(vaultAccount(a.id))!;
    t.keychain.entries.delete(vaultAccount(a.id));
    expect(ok('vaults:list', await api.vaults.list())[0]!.keyMissing).toBe(false); // not known before an unlock
    const message = fails(await api.vaults.unlock({ vaultId: a.id }), 'KEYCHAIN_DATA_MISSING');
    expect(message).toMatch(/"Personal"/);
    expect(message).toMatch(/importing an export/);
    expect(ok('vaults:list', await api.vaults.list())).toMatchObject([
      { name: 'Personal', locked: true, keyMissing: true, entryCount: 1 },
    ]);
    expect(t.keychain.entries.has(vaultAccount(a.id))).toBe(false); // never replaced by a new key
    // The key back (restored keychain): unlock works and keyMissing clears; nothing was lost.
    t.keychain.entries.set(vaultAccount(a.id), key);
    ok('vaults:unlock', await api.vaults.unlock({ vaultId: a.id }));
    expect(ok('vaults:list', await api.vaults.list())[0]).toMatchObject({ keyMissing: false, locked: false });
    const [entry] = ok('entries:list', await api.entries.list({ vaultId: a.id }));
    expect(ok('entries:reveal', await api.entries.reveal({ entryId: entry!.id })).secret).toBe(SECRET);
  });

  it('settings: defaults, partial update, out-of-range values refused', async () => {
    expect(ok('vaults:settings', await api.vaults.settings())).toEqual({
      autoLockMinutes: 10,
      lockOnScreenLock: true,
      clipboardClearSeconds: 30,
      passphraseOffered: false,
    });
    expect(ok('vaults:updateSettings', await api.vaults.updateSettings({ clipboardClearSeconds: 12 }))).toEqual({
      autoLockMinutes: 10,
      lockOnScreenLock: true,
      clipboardClearSeconds: 12,
      passphraseOffered: false,
    });
    fails(await api.vaults.updateSettings({ clipboardClearSeconds: 4 }), 'INVALID_INPUT');
    fails(await api.vaults.updateSettings({ autoLockMinutes: 1441 }), 'INVALID_INPUT');
    fails(await api.vaults.updateSettings({ autoLockMinutes: -1 }), 'INVALID_INPUT');
    expect(ok('vaults:settings', await api.vaults.settings()).clipboardClearSeconds).toBe(12);
  });
});
