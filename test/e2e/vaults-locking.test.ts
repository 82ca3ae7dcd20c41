// Vaults in Chromium (issue 4): Lock all, Unlock, auto-lock on screen lock and sleep, and no keychain at all.
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { envWithoutKeychain, type HarnessProcess } from './support/harness-process';
import { expectKeychainAvailable } from './support/slice-steps';
import {
  addKey,
  addKeyButton,
  closeEntryPage,
  entryRow,
  firePowerEvent,
  lockToggle,
  type EntryState,
  goToVaults,
  listEntries,
  openVault,
  revealEntry,
  rowAction,
  showEntry,
  vaultByName,
  vaultListItem,
  waitForVaultState,
} from './support/vault-steps';

describe('vaults: external keys, locking and the keychain', () => {
  const e2e = useE2E();

  it('locks all vaults (names stay, Show waits for Unlock), and auto-locks on screen lock and sleep', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const personal = await openVault(page, 'Personal');
    await addKey(page, 'Personal', { name: 'Pyas prod', preset: 'Pyas', pasted: 'pyas_live_Lock0Test1Key2' });
    await waitForVaultState(personal, 'Unlocked');

    // Lock all: the entry is still listed with its details; Unlock to show replaces Show and Copy; Add key waits.
    await page.getByRole('button', { name: 'Lock all' }).click();
    await waitForVaultState(personal, 'Locked');
    await vaultListItem(page, 'Personal').filter({ hasText: 'Locked' }).waitFor();
    const row = entryRow(personal, 'Pyas prod');
    await row.getByRole('cell', { name: 'Pyas', exact: true }).waitFor();
    for (const action of ['Show', 'Copy', 'Copy as header'] as const) {
      expect(await rowAction(personal, 'Pyas prod', action).count(), action).toBe(0);
    }
    await rowAction(personal, 'Pyas prod', 'Unlock to show').waitFor();
    expect(await addKeyButton(personal).isDisabled()).toBe(true);
    await personal.getByText('This vault is locked.').waitFor();
    expect((await vaultByName(harness, 'Personal')).locked).toBe(true);
    const refused = await harness.rpc('entries:reveal', { entryId: (await onlyEntry(harness, 'Personal')).id });
    expect(refused.ok ? 'revealed' : refused.error.code, 'main refuses too').toBe('LOCKED');
    await screenshot(page, '101-locked-vault');

    // Unlock: Show works again.
    await lockToggle(personal, 'Unlock').click();
    await waitForVaultState(personal, 'Unlocked');
    expect(await revealEntry(personal, 'Pyas prod')).toBe('pyas_live_Lock0Test1Key2');

    // Lock settings: the defaults (10 minutes, lock on screen lock, clear after 30 s).
    await page.getByRole('button', { name: 'Lock settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Lock settings' });
    const minutes = settings.getByLabel('Auto-lock after (minutes of inactivity)');
    await minutes.waitFor();
    expect(await minutes.inputValue()).toBe('10');
    const onScreenLock = settings.getByRole('checkbox', {
      name: 'Lock when the screen locks or the computer sleeps',
    });
    expect(await onScreenLock.isChecked()).toBe(true);
    expect(await settings.getByLabel('Clear the clipboard after (seconds)').inputValue()).toBe('30');
    await screenshot(page, '102-lock-settings');
    await settings.getByRole('button', { name: 'Cancel' }).click();
    await settings.waitFor({ state: 'detached' });

    // The OS locks the screen while the key is shown: main locks every vault; when the window gets
    // focus back, the screen says Locked and the shown key is gone.
    const { entry } = await showEntry(personal, 'Pyas prod');
    await firePowerEvent(harness, 'lock-screen');
    expect((await vaultByName(harness, 'Personal')).locked, 'main locked on screen lock').toBe(true);
    await page.evaluate('window.dispatchEvent(new Event("focus"))');
    await entry.getByText('Key of Pyas prod is hidden').waitFor();
    expect(await entry.getByText('pyas_live_Lock0Test1Key2').count()).toBe(0);
    await closeEntryPage(entry);
    await waitForVaultState(personal, 'Locked');
    await rowAction(personal, 'Pyas prod', 'Unlock to show').waitFor();

    // Sleep locks too.
    await lockToggle(personal, 'Unlock').click();
    await waitForVaultState(personal, 'Unlocked');
    await firePowerEvent(harness, 'suspend');
    expect((await vaultByName(harness, 'Personal')).locked, 'main locked on sleep').toBe(true);
    await page.evaluate('window.dispatchEvent(new Event("focus"))');
    await waitForVaultState(personal, 'Locked');

    // With "Lock when the screen locks" off, a screen lock leaves the vault open.
    await lockToggle(personal, 'Unlock').click();
    await waitForVaultState(personal, 'Unlocked');
    await page.getByRole('button', { name: 'Lock settings' }).click();
    await onScreenLock.uncheck();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.waitFor({ state: 'detached' });
    await firePowerEvent(harness, 'lock-screen');
    expect((await vaultByName(harness, 'Personal')).locked).toBe(false);
    expect(await revealEntry(personal, 'Pyas prod')).toBe('pyas_live_Lock0Test1Key2');
  });

  it('without a keychain lists vaults and entries, explains Unlock, and loses nothing', async () => {
    // Seed: a harness with the keychain creates "Team" with two entries, then stops.
    const seed = await e2e.startHarness();
    await expectKeychainAvailable(seed);
    const created = await seed.rpc<{ id: string }>('vaults:create', { name: 'Team' });
    if (!created.ok) throw new Error(created.error.message);
    const seeded = [
      { name: 'Pyas prod', secret: 'pyas_live_NoKeychain1', preset: 'pyas' },
      { name: 'Extracta docs', secret: 'ex_live_NoKeychain2', preset: 'extracta' },
    ];
    for (const entry of seeded) {
      const added = await seed.rpc('entries:add', { vaultId: created.value.id, ...entry });
      if (!added.ok) throw new Error(added.error.message);
    }
    expect(await seed.stop()).toBe(0);

    // No Secret Service: the vaults and the entries' names are listed, locked.
    const without = await e2e.startHarness({ dataDir: seed.dataDir, env: envWithoutKeychain() });
    const { page } = await e2e.open(without);
    await goToVaults(page);
    await vaultListItem(page, 'Personal').waitFor();
    await vaultListItem(page, 'Team').filter({ hasText: '2 entries' }).waitFor();
    const team = await openVault(page, 'Team');
    await waitForVaultState(team, 'Locked');
    for (const entry of seeded) await entryRow(team, entry.name).waitFor();
    await rowAction(team, 'Pyas prod', 'Unlock to show').waitFor();

    // Unlock: the keychain message (what it means, what to do); the vault stays locked.
    await lockToggle(team, 'Unlock').click();
    const problem = page.getByRole('alert').filter({ hasText: 'The keychain is unavailable' });
    await problem.waitFor();
    await problem.getByText('Nothing is lost').waitFor();
    await waitForVaultState(team, 'Locked');
    await screenshot(page, '103-keychain-unavailable-vaults');
    await page.context().close(); // before the harness stops: the page would go on calling it
    expect(await without.stop()).toBe(0);

    // The keychain back: everything is there and reveals as it was.
    const back = await e2e.startHarness({ dataDir: seed.dataDir });
    const again = await e2e.open(back);
    await goToVaults(again.page);
    const teamBack = await openVault(again.page, 'Team');
    await lockToggle(teamBack, 'Unlock').click();
    await waitForVaultState(teamBack, 'Unlocked');
    for (const entry of seeded) expect(await revealEntry(teamBack, entry.name)).toBe(entry.secret);
  });
});

async function onlyEntry(harness: HarnessProcess, vaultName: string): Promise<EntryState> {
  const entries = await listEntries(harness, (await vaultByName(harness, vaultName)).id);
  expect(entries).toHaveLength(1);
  return entries[0]!;
}
