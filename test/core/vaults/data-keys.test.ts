import { describe, expect, it } from 'vitest';
import { DataKeys } from '../../../electron/core/vaults/data-keys';
import { PassphraseSession } from '../../../electron/core/vaults/passphrase-session';
import { MemoryKeychain } from '../../support/memory-keychain';

/** A keychain whose reads wait until the test lets them through, to interleave lock and unlock. */
class GatedKeychain extends MemoryKeychain {
  reads = 0;
  private readonly waiting: (() => void)[] = [];
  override async get(account: string): Promise<string | null> {
    this.reads += 1;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return super.get(account);
  }
  /** Lets every read waiting so far complete. */
  letThrough(): void {
    for (const release of this.waiting.splice(0)) release();
  }
}

describe('vault data keys', () => {
  it('shares one keychain read between concurrent unlocks', async () => {
    const keychain = new GatedKeychain();
    const keys = new DataKeys(keychain, new PassphraseSession(() => false));
    const keyCheck = await keys.create('v1');
    keys.lock('v1');
    const vault = { id: 'v1', name: 'Personal', keyCheck };
    const first = keys.unlock(vault);
    const second = keys.unlock(vault);
    keychain.letThrough();
    expect(await first).toBe(await second);
    expect(keychain.reads).toBe(1);
  });

  it('a lock that lands while an unlock reads the keychain wins, and the key read is wiped', async () => {
    const keychain = new GatedKeychain();
    const keys = new DataKeys(keychain, new PassphraseSession(() => false));
    const keyCheck = await keys.create('v1');
    keys.lock('v1');
    const unlocking = keys.unlock({ id: 'v1', name: 'Personal', keyCheck });
    keys.lock('v1');
    keychain.letThrough();
    await expect(unlocking).rejects.toMatchObject({ code: 'LOCKED' });
    expect(keys.isUnlocked('v1')).toBe(false);
  });

  it('Lock all also stops an unlock whose keychain read is still in flight (screen lock during a slow read)', async () => {
    const keychain = new GatedKeychain();
    const keys = new DataKeys(keychain, new PassphraseSession(() => false));
    const keyCheck = await keys.create('v1');
    keys.lock('v1');
    const unlocking = keys.unlock({ id: 'v1', name: 'Personal', keyCheck });
    keys.lockAll();
    keychain.letThrough();
    await expect(unlocking).rejects.toMatchObject({ code: 'LOCKED' });
    expect(keys.isUnlocked('v1')).toBe(false);
  });

  it('an Unlock right after a Lock starts its own keychain read instead of joining the doomed one', async () => {
    const keychain = new GatedKeychain();
    const keys = new DataKeys(keychain, new PassphraseSession(() => false));
    const keyCheck = await keys.create('v1');
    keys.lock('v1');
    const vault = { id: 'v1', name: 'Personal', keyCheck };
    const doomed = keys.unlock(vault);
    keys.lock('v1');
    const fresh = keys.unlock(vault);
    expect(keychain.reads).toBe(2);
    keychain.letThrough();
    await expect(doomed).rejects.toMatchObject({ code: 'LOCKED' });
    expect((await fresh).length).toBe(32);
    expect(keys.isUnlocked('v1')).toBe(true);
  });
});
