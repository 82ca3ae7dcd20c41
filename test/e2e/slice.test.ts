import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { filesContaining, listFilesRecursive } from './support/files';
import { envWithoutKeychain } from './support/harness-process';
import {
  confirmStoredAndFinish,
  doneButton,
  fillKeyDetails,
  generateButton,
  goToScopes,
  openWizard,
  selectScopes,
  waitForStorePage,
} from './support/issuing-steps';
import { expectKeychainAvailable, keyPattern, keyRow, openAppCard } from './support/slice-steps';
import { harnessClipboard } from './support/vault-steps';

/**
 * The first slice in the built renderer, in Chromium, through the browser harness, against the real
 * core, real files and the real OS keychain: create an app, issue a key, see it once, restart, and
 * check that the key's plaintext was written nowhere.
 */
describe('first slice: apps and issued keys in the real UI', () => {
  const e2e = useE2E();

  it('creates an app, generates a key shown once, keeps both across a restart, and never stores the plaintext', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    expect(page.url(), 'the token is taken out of the address bar').not.toContain('token=');

    // Apps, empty.
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await page.getByText('No apps yet').waitFor();
    await screenshot(page, '01-apps-empty');

    // + New App → "Pyas"; the key prefix preview follows the name.
    await page.getByRole('button', { name: '+ New App' }).click();
    const newApp = page.getByRole('dialog', { name: 'New App' });
    await newApp.getByLabel('Name', { exact: true }).fill('Pyas');
    await newApp.getByLabel('Description (optional)').fill('Payments API');
    await newApp.locator('code', { hasText: /^pyas$/ }).waitFor();
    await screenshot(page, '02-new-app-dialog');
    await newApp.getByRole('button', { name: 'Create app' }).click();
    await newApp.waitFor({ state: 'detached' });
    const card = page.getByRole('list', { name: 'Apps' }).getByRole('listitem').filter({ hasText: 'Pyas' });
    await card.getByText('pyas_').waitFor();
    await screenshot(page, '03-apps-with-pyas');

    // Open it: the three tabs, API Keys first.
    await openAppCard(page, 'Pyas');
    for (const tab of ['API Keys', 'Settings', 'Activity']) await page.getByRole('tab', { name: tab }).waitFor();
    expect(await page.getByRole('tab', { name: 'API Keys' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText('No API keys yet').waitFor();
    await screenshot(page, '04-app-keys-empty');

    // Generate API key → "Production" → Next → Select scopes → Generate API key → Store your API key,
    // masked, with the warning.
    const wizard = await openWizard(page);
    await fillKeyDetails(wizard, { name: 'Production' });
    await screenshot(page, '05-generate-key-name');
    await goToScopes(wizard);
    await selectScopes(wizard, ['Read items']);
    await generateButton(wizard).click();
    await waitForStorePage(wizard);
    expect(await wizard.getByText(keyPattern('pyas')).count(), 'the key is masked until Show').toBe(0);
    expect(await doneButton(wizard).isDisabled(), 'Done waits for "I have stored the key"').toBe(true);
    await screenshot(page, '06-store-key-masked');

    // Show reveals the whole key; Copy puts exactly it on the clipboard.
    await wizard.getByRole('button', { name: 'Show' }).click();
    const revealed = wizard.getByText(keyPattern('pyas'));
    await revealed.waitFor();
    const plaintext = (await revealed.textContent())?.trim() ?? '';
    expect(plaintext).toMatch(keyPattern('pyas'));
    await screenshot(page, '07-store-key-shown');
    // Copy happens in main (which clears the clipboard after 30 s); the harness keeps what it copied.
    await wizard.getByRole('button', { name: 'Copy' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Copied. The clipboard will be cleared in 30 s.' }).waitFor();
    expect(await harnessClipboard(harness)).toBe(plaintext);
    // The page itself wrote nothing to the browser's clipboard (a string: no DOM types in this file).
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).not.toContain(plaintext);
    await confirmStoredAndFinish(wizard);

    // The table: name, `pyas_<keyId>…`, Active — and no plaintext anywhere on the page.
    const keyId = plaintext.slice('pyas_'.length, 'pyas_'.length + 8);
    const row = keyRow(page, 'Production');
    await row.getByText(`pyas_${keyId}…`).waitFor();
    await row.getByText('Active').waitFor();
    expect(await page.content()).not.toContain(plaintext);
    await screenshot(page, '08-keys-table');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await screenshot(page, '09-app-settings');
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByText('Production').first().waitFor();
    await screenshot(page, '10-app-activity');

    // Restart: a new harness on the same data folder; the app and the key are still there. The page
    // closes first: it polls main (the sidebar's lock countdown) and would call a stopped harness.
    await page.context().close();
    expect(await harness.stop(), 'the harness closes cleanly on SIGTERM').toBe(0);
    const restarted = await e2e.startHarness({ dataDir: harness.dataDir });
    const again = await e2e.open(restarted);
    await openAppCard(again.page, 'Pyas');
    const rowAgain = keyRow(again.page, 'Production');
    await rowAgain.getByText(`pyas_${keyId}…`).waitFor();
    await rowAgain.getByText('Active').waitFor();
    await screenshot(again.page, '11-keys-after-restart');

    // Canary: the plaintext (and its secret part alone) is in no file and in no log.
    const secret = plaintext.slice(plaintext.indexOf('.') + 1);
    const files = await listFilesRecursive(harness.dataDir);
    expect(files.length, 'the data folder holds the data file at least').toBeGreaterThan(0);
    // Positive controls: the scan does read the data file (which holds the public key id), and the
    // logs it searches did record the generate call.
    expect((await filesContaining(harness.dataDir, keyId)).length).toBeGreaterThan(0);
    expect(harness.stderr()).toContain('POST /rpc/keys:generate 200');
    expect(await filesContaining(harness.dataDir, plaintext)).toEqual([]);
    expect(await filesContaining(harness.dataDir, secret)).toEqual([]);
    for (const process of [harness, restarted]) {
      expect(process.stdout() + process.stderr()).not.toContain(secret);
    }
  });

  it('shows a validation error for an empty app name and creates nothing', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    // A reload still reaches the core: the bridge kept the token in sessionStorage.
    await page.reload();
    await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '+ New App' }).click();
    const dialog = page.getByRole('dialog', { name: 'New App' });
    await dialog.getByRole('button', { name: 'Create app' }).click();
    await dialog.getByText('App name is required.').waitFor();
    expect(await dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '20-new-app-name-required');
    const apps = await harness.rpc<unknown[]>('apps:list');
    expect(apps).toEqual({ ok: true, value: [] });
  });

  it('explains an unavailable keychain, and a key generated then fails inline and writes no key', async () => {
    // An app made while the keychain worked (its own secret is stored with it); then no keychain.
    const dataDir = await e2e.makeDataDir();
    const seeding = await openCore({ dataDir, keychain: new KeytarKeychain(), version: 'e2e-seed' });
    await seeding.apps.create({ name: 'Pyas' });
    await seeding.close();
    const harness = await e2e.startHarness({ dataDir, env: envWithoutKeychain() });
    const { page } = await e2e.open(harness);
    const banner = page.getByRole('alert').filter({ hasText: 'The system keychain is unavailable' });
    await banner.waitFor();
    await banner.getByText(/gnome-keyring/).waitFor();
    await screenshot(page, '30-keychain-unavailable');

    // A new app stores its own secret in the keychain first: the dialog says why and keeps the name.
    await page.getByRole('button', { name: '+ New App' }).click();
    const newApp = page.getByRole('dialog', { name: 'New App' });
    await newApp.getByLabel('Name', { exact: true }).fill('Billing');
    await newApp.getByRole('button', { name: 'Create app' }).click();
    await newApp
      .getByRole('alert')
      .getByText(/Secret Service/)
      .waitFor();
    expect(await newApp.getByLabel('Name', { exact: true }).inputValue()).toBe('Billing');
    await newApp.getByRole('button', { name: 'Cancel' }).click();

    // Issuing a key needs it too (its hash uses the app's pepper kept there).
    await openAppCard(page, 'Pyas');
    // The name and expiration need nothing; the failure shows on Select scopes, where Generate is pressed.
    const wizard = await openWizard(page);
    await fillKeyDetails(wizard, { name: 'Production' });
    await goToScopes(wizard);
    await selectScopes(wizard, ['Read items']);
    await generateButton(wizard).click();
    await wizard.getByText('The system keychain is unavailable').waitFor();
    await wizard.getByRole('heading', { name: 'Select scopes' }).waitFor();
    expect(await wizard.getByRole('checkbox', { name: /^Read items/ }).isChecked(), 'the choice is kept').toBe(true);
    await wizard.getByText(/Secret Service/).waitFor();
    expect(await wizard.getByRole('heading', { name: 'Store your API key' }).count()).toBe(0);
    await screenshot(page, '31-generate-key-keychain-unavailable');

    const data = JSON.parse(await readFile(join(harness.dataDir, 'keyhaven.json'), 'utf8')) as { keys: unknown[] };
    expect(data.keys).toEqual([]);
  });
});
