import { afterEach, describe, expect, it } from 'vitest';
import { CANARY, openFixture } from './vault-fixture';

type Fixture = Awaited<ReturnType<typeof openFixture>>;

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** A vault with one entry, locked, as a background write finds it. */
async function lockedVaultWithEntry(fx: Fixture) {
  const vault = await fx.v.vaults.createVault('Team');
  const entry = await fx.v.entries.addEntry({ vaultId: vault.id, name: 'Pyas', secret: CANARY });
  fx.v.vaults.lockAll();
  return { vaultId: vault.id, entryId: entry.id };
}

describe('background writes that unlock a vault on demand (withUnlocked)', () => {
  let fx: Fixture;
  afterEach(() => fx.dispose());

  it('two at once on one locked vault: neither finds it locked by the other, and it locks after both', async () => {
    fx = await openFixture();
    const { vaultId, entryId } = await lockedVaultWithEntry(fx);
    const first = gate();
    const second = gate();
    const reveals: string[] = [];
    const a = fx.v.vaults.withUnlocked([vaultId], async () => {
      await first.wait;
      reveals.push(fx.v.entries.reveal(entryId).secret);
    });
    const b = fx.v.vaults.withUnlocked([vaultId], async () => {
      await second.wait;
      reveals.push(fx.v.entries.reveal(entryId).secret);
    });
    first.open();
    await a;
    // The first is done; the second still holds the vault open.
    expect(fx.v.vaults.summary(vaultId).locked).toBe(false);
    second.open();
    await b;
    expect(reveals).toEqual([CANARY, CANARY]);
    expect(fx.v.vaults.summary(vaultId).locked).toBe(true);
  });

  it('does not lock again a vault the user unlocked while the write held it', async () => {
    fx = await openFixture();
    const { vaultId } = await lockedVaultWithEntry(fx);
    const held = gate();
    const write = fx.v.vaults.withUnlocked([vaultId], () => held.wait);
    await fx.v.vaults.unlock(vaultId); // the user, meanwhile
    held.open();
    await write;
    expect(fx.v.vaults.summary(vaultId).locked).toBe(false);
    // And a Lock by the user during a write is honoured: the vault ends locked.
    const again = gate();
    fx.v.vaults.lockAll();
    const next = fx.v.vaults.withUnlocked([vaultId], () => again.wait);
    await fx.v.vaults.unlock(vaultId);
    fx.v.vaults.lock(vaultId);
    again.open();
    await next.catch(() => undefined);
    expect(fx.v.vaults.summary(vaultId).locked).toBe(true);
  });

  it('leaves a vault the user had unlocked before the write unlocked after it', async () => {
    fx = await openFixture();
    const { vaultId } = await lockedVaultWithEntry(fx);
    await fx.v.vaults.unlock(vaultId);
    await fx.v.vaults.withUnlocked([vaultId], async () => undefined);
    expect(fx.v.vaults.summary(vaultId).locked).toBe(false);
  });
});
