import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Decision 29 with a keychain that did not work on the first run: "Personal" is owed until the first
 * status check that finds the keychain working, then made exactly once. (The same against a really
 * locked gnome-keyring, across launches: test/core/keychain/locked-keyring.integration.test.ts.)
 */
const dirs: Array<{ remove: () => Promise<void> }> = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) await dir.remove();
});

async function open(keychain: MemoryKeychain, dataDir?: string): Promise<Core> {
  let path = dataDir;
  if (path === undefined) {
    const dir = await makeTempDir();
    dirs.push(dir);
    path = dir.path;
  }
  const core = await openCore({ dataDir: path, keychain, version: 'test', logError: () => undefined });
  cores.push(core);
  return core;
}

const names = (core: Core) => core.vaults.vaults.listVaults().map((vault) => vault.name);

describe('the default vault after a first run without a working keychain', () => {
  it('is made at the first status check that finds the keychain unlocked, once, and says so to the page', async () => {
    const keychain = new MemoryKeychain();
    keychain.locked = true;
    const core = await open(keychain);
    expect(names(core)).toEqual([]);
    expect((await core.status()).keychain.state).toBe('locked');
    expect(names(core)).toEqual([]);

    const changed: unknown[] = [];
    core.events.on('data:changed', (payload) => changed.push(payload));
    keychain.locked = false;
    const [first, second] = await Promise.all([core.status(), core.status()]);
    expect([first.keychain.state, second.keychain.state]).toEqual(['connected', 'connected']);
    expect(names(core)).toEqual(['Personal']);
    expect(changed).toEqual([{ parts: ['vaults'] }]);

    // Deleted by the user: not given back.
    await core.vaults.vaults.deleteVault(core.vaults.vaults.listVaults()[0]!.id);
    await core.status();
    expect(names(core)).toEqual([]);
    expect(core.vaults.db.snapshot().defaultVaultOwed).toBeUndefined();
  });

  it('stays owed across a restart while the keychain is missing, and is made by the next launch that finds it', async () => {
    const keychain = new MemoryKeychain();
    keychain.unavailable = true;
    const dir = await makeTempDir();
    dirs.push(dir);
    let core = await open(keychain, dir.path);
    expect((await core.status()).keychain.state).toBe('unavailable');
    await core.close();
    cores.pop();
    core = await open(keychain, dir.path);
    expect(names(core)).toEqual([]);

    keychain.unavailable = false;
    await core.status();
    expect(names(core)).toEqual(['Personal']);
  });

  it('is not made for a user who has a vault of their own by the time the keychain works', async () => {
    const keychain = new MemoryKeychain();
    keychain.locked = true;
    const core = await open(keychain);
    keychain.locked = false;
    await core.vaults.vaults.createVault('Work');
    await core.status();
    expect(names(core)).toEqual(['Work']);
    expect(core.vaults.db.snapshot().defaultVaultOwed).toBeUndefined();
  });

  it('is made on a first run whose keychain works, and a later run does not owe it', async () => {
    const keychain = new MemoryKeychain();
    const core = await open(keychain);
    expect(names(core)).toEqual(['Personal']);
    expect(core.vaults.db.snapshot().defaultVaultOwed).toBeUndefined();
  });
});
