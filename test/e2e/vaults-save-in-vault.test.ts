import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import {
  doneButton,
  confirmStoredAndFinish,
  fillKeyDetails,
  generateButton,
  goToScopes,
  issuedKey,
  keyRowByChip,
  openRotate,
  openWizard,
  readPlaintextFromStorePage,
  saveInVaultConfirmed,
  selectScopes,
  STORED_LABEL,
  waitForStorePage,
} from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';
import {
  closeEntryPage,
  createVault,
  entryRow,
  goToVaults,
  listEntries,
  listVaults,
  openVault,
  revealEntry,
  rowAction,
  showEntry,
  vaultByName,
  vaultListItem,
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

    // Save in vault, confirmed: saved in "Team"; as in Cerby the user still ticks the box, then Done.
    await saveInVaultConfirmed(wizard, 'Team');
    expect(await wizard.getByRole('checkbox', { name: STORED_LABEL }).isChecked()).toBe(false);
    expect(await doneButton(wizard).isDisabled(), 'Done still waits for the box').toBe(true);
    await screenshot(page, '91-store-saved-in-vault');
    await confirmStoredAndFinish(wizard);

    // Vaults → Team: the entry, service Keyhaven, issued for Billing; Personal got nothing.
    await goToVaults(page);
    expect((await vaultByName(harness, 'Team')).entryCount).toBe(1);
    expect((await vaultByName(harness, 'Personal')).entryCount).toBe(0);
    const team = await openVault(page, 'Team');
    const row = entryRow(team, 'Production');
    await row.getByText('Issued by Keyhaven · Billing').waitFor();
    await row.getByRole('cell', { name: 'Keyhaven', exact: true }).waitFor();
    // Billing sends its keys as x-api-key (a new app's default), and so does its entry.
    await row.getByRole('cell', { name: 'X-API-Key', exact: true }).waitFor();
    expect(await page.content(), 'the key is not in the page until Show').not.toContain(key.plaintext);
    await screenshot(page, '92-entries-table');

    // Show reveals exactly the generated key.
    const shown = await showEntry(team, 'Production');
    expect(shown.secret).toBe(key.plaintext);
    await shown.entry.getByText('Keyhaven · Billing').waitFor();
    await screenshot(page, '93-show-revealed');
    await closeEntryPage(shown.entry);

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
    await saveInVaultConfirmed(wizard, 'Personal');
    await confirmStoredAndFinish(wizard);

    await goToVaults(page);
    const personal = await openVault(page, 'Personal');
    expect(await revealEntry(personal, 'Staging')).toBe(key.plaintext);
  });
});
