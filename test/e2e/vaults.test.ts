import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { envWithoutKeychain, type HarnessProcess } from './support/harness-process';
import {
  doneButton,
  fillKeyDetails,
  generateButton,
  goToScopes,
  issuedKey,
  keyRowByChip,
  openRotate,
  openWizard,
  readPlaintextFromStorePage,
  selectScopes,
  STORED_LABEL,
  waitForStorePage,
} from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';
import {
  addKey,
  addKeyButton,
  closeDialog,
  copyFromRow,
  createVault,
  entryRow,
  firePowerEvent,
  lockToggle,
  type EntryState,
  goToVaults,
  listEntries,
  listVaults,
  openVault,
  revealEntry,
  rowAction,
  showEntry,
  vaultByName,
  vaultListItem,
  waitForVaultState,
} from './support/vault-steps';

/**
 * Vaults in the built renderer, in Chromium, through the browser harness, against the real core, real
 * files and the real OS keychain (issue 4, "End-to-end in Chromium"): the wizard's Save in vault and
 * a rotation that follows into the vault, and the Select vault rule.
 */
describe('vaults: Save in vault from the wizard', () => {
  const e2e = useE2E();

  it('saves a generated key in the chosen one of two vaults, reveals it, and follows a rotation with history', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);

    // First start: the default vault "Personal", empty. A second vault, "Team".
    await goToVaults(page);
    await vaultListItem(page, 'Personal').waitFor();
    const personal = await openVault(page, 'Personal');
    await personal.getByText('This vault is empty').waitFor();
    await screenshot(page, '88-vault-empty');
    await createVault(page, 'Team');
    await vaultListItem(page, 'Team').waitFor();
    expect((await listVaults(harness)).map((vault) => vault.name).sort()).toEqual(['Personal', 'Team']);
    await screenshot(page, '89-vaults-list');

    // An app and a key; "Store your API key" offers Select vault (two vaults) and Save in vault.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Apps' }).click();
    await createApp(page, 'Billing');
    await openAppCard(page, 'Billing');
    const wizard = await openWizard(page);
    await fillKeyDetails(wizard, { name: 'Production', expiration: '1 year' });
    await goToScopes(wizard);
    await selectScopes(wizard, ['Read items', 'Read accounts']);
    await generateButton(wizard).click();
    await waitForStorePage(wizard);
    const key = issuedKey(await readPlaintextFromStorePage(wizard));
    const selectVault = wizard.getByLabel('Select vault');
    await selectVault.waitFor();
    expect(await selectVault.locator('option').allTextContents()).toEqual(['Personal', 'Team']);
    await selectVault.selectOption({ label: 'Team' });
    expect(await doneButton(wizard).isDisabled(), 'Done waits for the key to be stored').toBe(true);
    await screenshot(page, '90-store-select-vault');

    // Save in vault: saved in "Team", which counts as stored, so Done is enabled.
    await wizard.getByRole('button', { name: 'Save in vault' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Saved in the vault "Team".' }).waitFor();
    await wizard.locator('button:enabled', { hasText: 'Done' }).waitFor();
    expect(await wizard.getByRole('checkbox', { name: STORED_LABEL }).isChecked()).toBe(true);
    await screenshot(page, '91-store-saved-in-vault');
    await doneButton(wizard).click();
    await wizard.waitFor({ state: 'detached' });

    // Vaults → Team: the entry, service Keyhaven, issued for Billing; Personal got nothing.
    await goToVaults(page);
    expect((await vaultByName(harness, 'Team')).entryCount).toBe(1);
    expect((await vaultByName(harness, 'Personal')).entryCount).toBe(0);
    const team = await openVault(page, 'Team');
    const row = entryRow(team, 'Production');
    await row.getByText('Issued by Keyhaven · Billing').waitFor();
    await row.getByRole('cell', { name: 'Keyhaven', exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Bearer', exact: true }).waitFor();
    expect(await page.content(), 'the key is not in the page until Show').not.toContain(key.plaintext);
    await screenshot(page, '92-entries-table');

    // Show reveals exactly the generated key.
    const shown = await showEntry(team, 'Production');
    expect(shown.secret).toBe(key.plaintext);
    await shown.dialog.getByText('Issued by Keyhaven · Billing').waitFor();
    await screenshot(page, '93-show-revealed');
    await closeDialog(shown.dialog);

    // Rotate the issued key (old one kept for 1 hour): the store page says the vault entry followed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Apps' }).click();
    await openAppCard(page, 'Billing');
    const rotate = await openRotate(page, key);
    await rotate.getByRole('radio', { name: '1 hour' }).check();
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await waitForStorePage(rotate);
    const rotated = issuedKey(await readPlaintextFromStorePage(rotate));
    expect(rotated.plaintext).not.toBe(key.plaintext);
    await rotate
      .getByRole('status')
      .filter({ hasText: 'The vault entry now holds the new key; the old key stays in its history' })
      .waitFor();
    await screenshot(page, '94-rotate-store-vault-updated');
    await rotate.getByRole('checkbox', { name: STORED_LABEL }).check();
    await rotate.locator('button:enabled', { hasText: 'Done' }).click();
    await rotate.waitFor({ state: 'detached' });
    await keyRowByChip(page, rotated.chip).waitFor();

    // The entry now gives the new key; its history has the previous one, shown on request. The core
    // says so first, so a failure below is the screen's, not the rotation's.
    const [entry] = await listEntries(harness, (await vaultByName(harness, 'Team')).id);
    expect(entry?.history.map((item) => item.version)).toEqual([1]);
    expect(entry?.history[0]?.keepUntil, 'kept until the grace period ends').not.toBeNull();
    await goToVaults(page);
    const teamAgain = await openVault(page, 'Team');
    expect(await revealEntry(teamAgain, 'Production')).toBe(rotated.plaintext);
    await rowAction(teamAgain, 'Production', 'Edit').click();
    const edit = page.getByRole('dialog', { name: 'Edit Production' });
    const history = edit.getByRole('region', { name: 'History' });
    const previous = history.getByRole('listitem').filter({ hasText: 'Version 1' });
    await previous.getByText(/kept until/).waitFor();
    expect(await history.getByRole('listitem').count(), 'one previous version').toBe(1);
    await previous.getByRole('button', { name: 'Show version 1' }).click();
    const old = previous.getByLabel('Version 1 of Production', { exact: true });
    await old.waitFor();
    expect(await old.textContent()).toBe(key.plaintext);
    await screenshot(page, '95-edit-with-history');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });
  });

  it('offers Save in vault without Select vault when there is only one vault', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    expect((await listVaults(harness)).map((vault) => vault.name)).toEqual(['Personal']);

    await createApp(page, 'Billing');
    await openAppCard(page, 'Billing');
    const wizard = await openWizard(page);
    await fillKeyDetails(wizard, { name: 'Staging' });
    await goToScopes(wizard);
    await selectScopes(wizard, ['Read items']);
    await generateButton(wizard).click();
    await waitForStorePage(wizard);
    const key = issuedKey(await readPlaintextFromStorePage(wizard));
    const save = wizard.getByRole('button', { name: 'Save in vault' });
    await save.waitFor();
    expect(await wizard.getByLabel('Select vault').count(), 'no Select vault with one vault').toBe(0);
    await screenshot(page, '96-store-one-vault');
    await save.click();
    await wizard.getByRole('status').filter({ hasText: 'Saved in the vault "Personal".' }).waitFor();
    await doneButton(wizard).click();
    await wizard.waitFor({ state: 'detached' });

    await goToVaults(page);
    const personal = await openVault(page, 'Personal');
    expect(await revealEntry(personal, 'Staging')).toBe(key.plaintext);
  });
});

describe('vaults: external keys, locking and the keychain', () => {
  const e2e = useE2E();

  it('adds a pasted key with each service preset, splits a pasted header, and copies each as its header', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const personal = await openVault(page, 'Personal');

    // One key per preset; nexos.ai and Cerby are pasted with their header, which is split off.
    const keys = {
      pyas: 'pyas_live_9fK2mQ7xR4tB8vN1',
      atfinity: 'atf.Xq82Lm3Nc7Vb0Pz5',
      nexos: 'nx-sk-41c0ffee98b7a6d5',
      cerby: 'cerby_Wb7Tq2Ls9Kd4Mh6',
      extracta: 'ex_live_0a1b2c3d4e5f6a7b',
      custom: 'gw-token-55aa77cc99ee',
    };
    const added: { name: string; key: string; service: string; scheme: string; header: string }[] = [
      { name: 'Pyas prod', key: keys.pyas, service: 'Pyas', scheme: 'X-API-Key', header: `x-api-key: ${keys.pyas}` },
      {
        name: 'atfinity prod',
        key: keys.atfinity,
        service: 'atfinity',
        scheme: 'Api-Key',
        header: `Authorization: Api-Key ${keys.atfinity}`,
      },
      {
        name: 'nexos.ai team',
        key: keys.nexos,
        service: 'nexos.ai',
        scheme: 'Bearer',
        header: `Authorization: Bearer ${keys.nexos}`,
      },
      {
        name: 'Cerby admin',
        key: keys.cerby,
        service: 'Cerby',
        scheme: 'X-API-Key',
        header: `x-api-key: ${keys.cerby}`,
      },
      {
        name: 'Extracta docs',
        key: keys.extracta,
        service: 'Extracta',
        scheme: 'Bearer',
        header: `Authorization: Bearer ${keys.extracta}`,
      },
      {
        name: 'Gateway',
        key: keys.custom,
        service: 'Internal gateway',
        scheme: 'Custom header: X-Gateway-Token',
        header: `X-Gateway-Token: ${keys.custom}`,
      },
    ];
    await addKey(page, 'Personal', { name: 'Pyas prod', preset: 'Pyas', pasted: keys.pyas, shot: '97-add-key-preset' });
    await addKey(page, 'Personal', { name: 'atfinity prod', preset: 'atfinity', pasted: keys.atfinity });
    await addKey(page, 'Personal', {
      name: 'nexos.ai team',
      preset: 'nexos.ai',
      pasted: `Authorization: Bearer ${keys.nexos}`,
      recognised: 'Authorization: Bearer',
      shot: '98-add-key-header-recognised',
    });
    await addKey(page, 'Personal', {
      name: 'Cerby admin',
      preset: 'Cerby',
      pasted: `x-api-key: ${keys.cerby}`,
      recognised: 'x-api-key',
    });
    await addKey(page, 'Personal', { name: 'Extracta docs', preset: 'Extracta', pasted: keys.extracta, tags: 'docs' });
    await addKey(page, 'Personal', {
      name: 'Gateway',
      preset: 'Custom',
      service: 'Internal gateway',
      headerName: 'X-Gateway-Token',
      pasted: keys.custom,
    });
    await personal.getByRole('status').filter({ hasText: '6 of 6 entries' }).waitFor();
    await screenshot(page, '99-entries-every-preset');

    // Each row: its service and scheme; Show gives the bare key (the header was split off); Copy as
    // header puts exactly the line the scheme calls for on the clipboard, Copy the bare key.
    for (const entry of added) {
      const row = entryRow(personal, entry.name);
      await row.getByRole('cell', { name: entry.service, exact: true }).waitFor();
      await row.getByRole('cell', { name: entry.scheme, exact: true }).waitFor();
      expect(await revealEntry(personal, entry.name), entry.name).toBe(entry.key);
      await copyFromRow(harness, personal, entry.name, 'Copy as header', entry.header);
    }
    await copyFromRow(harness, personal, 'nexos.ai team', 'Copy', keys.nexos);
    await screenshot(page, '100-copied-as-header');
    // The page itself never wrote a key to the browser's clipboard.
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe('');

    // Search narrows the table; sorting by Service puts atfinity first and Pyas last.
    const search = personal.getByRole('searchbox', { name: 'Search entries' });
    await search.fill('docs');
    await personal.getByRole('status').filter({ hasText: '1 of 6 entries' }).waitFor();
    await entryRow(personal, 'Extracta docs').waitFor();
    await search.fill('');
    await personal.getByRole('status').filter({ hasText: '6 of 6 entries' }).waitFor();
    await personal.getByRole('button', { name: 'Service' }).click();
    const services = personal.getByRole('row').locator('td:nth-child(3)');
    await expect
      .poll(() => services.allTextContents())
      .toEqual(['atfinity', 'Cerby', 'Extracta', 'Internal gateway', 'nexos.ai', 'Pyas']);
  });

  it('locks all vaults (names stay, Show waits for Unlock), and auto-locks on screen lock and sleep', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const personal = await openVault(page, 'Personal');
    await addKey(page, 'Personal', { name: 'Pyas prod', preset: 'Pyas', pasted: 'pyas_live_Lock0Test1Key2' });
    await waitForVaultState(personal, 'Unlocked');

    // Lock all: the entry is still listed with its details; Show, Copy and Add key are unavailable.
    await page.getByRole('button', { name: 'Lock all' }).click();
    await waitForVaultState(personal, 'Locked');
    await vaultListItem(page, 'Personal').filter({ hasText: 'Locked' }).waitFor();
    const row = entryRow(personal, 'Pyas prod');
    await row.getByRole('cell', { name: 'Pyas', exact: true }).waitFor();
    for (const action of ['Show', 'Copy', 'Copy as header'] as const) {
      expect(await rowAction(personal, 'Pyas prod', action).isDisabled(), action).toBe(true);
    }
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
    const { dialog } = await showEntry(personal, 'Pyas prod');
    await firePowerEvent(harness, 'lock-screen');
    expect((await vaultByName(harness, 'Personal')).locked, 'main locked on screen lock').toBe(true);
    await page.evaluate('window.dispatchEvent(new Event("focus"))');
    await dialog.getByText('Key of Pyas prod is hidden').waitFor();
    expect(await dialog.getByText('pyas_live_Lock0Test1Key2').count()).toBe(0);
    await closeDialog(dialog);
    await waitForVaultState(personal, 'Locked');
    expect(await rowAction(personal, 'Pyas prod', 'Show').isDisabled()).toBe(true);

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
    expect(await rowAction(team, 'Pyas prod', 'Show').isDisabled()).toBe(true);

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
