import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarKeychain } from '../../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../../electron/core/vaults/data-keys';
import { CANARY, filesContaining, openFixture } from './vault-fixture';

/** The real keytar → OS keychain path, under a random test service name, cleaned up afterwards. */
const keychain = new KeytarKeychain(`Keyhaven-test-${randomBytes(4).toString('hex')}`);
const accounts: string[] = [];
afterAll(async () => {
  for (const account of accounts) await keychain.delete(account).catch(() => false);
});

describe('vaults on the real keychain', () => {
  it('creates, locks, unlocks after reopen, reveals; deleting the vault removes its keychain item', async () => {
    const fx = await openFixture(keychain);
    try {
      const vault = await fx.v.vaults.createVault('Real');
      accounts.push(vaultAccount(vault.id));
      const entry = await fx.v.entries.addEntry({
        vaultId: vault.id,
        name: 'k',
        secret: `Authorization: Bearer ${CANARY}`,
      });
      await fx.reopen();
      expect(fx.v.vaults.summary(vault.id)).toMatchObject({ locked: true, entryCount: 1 });
      await fx.v.vaults.unlock(vault.id);
      expect(fx.v.entries.reveal(entry.id).secret).toBe(CANARY);
      await fx.v.db.compact();
      expect(await filesContaining(fx.dir, CANARY)).toEqual([]);
      expect(await keychain.get(vaultAccount(vault.id))).not.toBeNull();
      expect(await fx.v.vaults.deleteVault(vault.id)).toBe(1);
      expect(await keychain.get(vaultAccount(vault.id))).toBeNull();
    } finally {
      await fx.dispose();
    }
  });
});
