import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, screenshotBothSizes, VIEWPORT } from './support/browser';
import { useE2E } from './support/e2e';
import {
  checkKey,
  closeCheckKey,
  confirmStoredAndFinish,
  doneButton,
  fillKeyDetails,
  issuedKey,
  openCheckKey,
  openWizard,
  readPlaintextFromStorePage,
  STORED_LABEL,
  waitForStorePage,
} from './support/issuing-steps';
import { expectKeychainAvailable, openAppCard } from './support/slice-steps';
import { entryRow, goToVaults, openVault } from './support/vault-steps';

/** Both sizes, the small one scrolled to `part`: at 1024×640 the store page scrolls inside its dialog. */
async function bothSizesShowing(page: Page, name: string, part: Locator): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 1024, height: 640 });
  await part.scrollIntoViewIfNeeded();
  await screenshot(page, `${name}-1024`);
  await page.setViewportSize(VIEWPORT);
}

/**
 * atfinity in Keyhaven (issue 14, items 9–11): an app whose keys go in `Authorization: Api-Key …` and
 * carry no scopes, through + New App, the two-step wizard, the store page's header line, Save in vault
 * with its confirmation, the user's own tick, Done, and Check a key given the whole header line.
 */
describe('an app with the Api-Key scheme and no scopes', () => {
  const e2e = useE2E();

  it('New App → Generate → store page with the header → Save in vault (confirmed) → tick → Done → Check a key', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);

    // + New App: how the keys are sent, and no scopes.
    await page.getByRole('button', { name: '+ New App' }).click();
    const newApp = page.getByRole('dialog', { name: 'New App' });
    await newApp.getByLabel('Name', { exact: true }).fill('atfinity');
    await newApp.getByLabel('Keys are sent as').selectOption('api-key');
    await newApp.getByLabel('Scopes').selectOption({ label: 'No scopes (as atfinity and nexos.ai)' });
    await newApp.getByText('Keys will have a name and an expiration only.', { exact: false }).waitFor();
    await screenshotBothSizes(page, '200-new-app-api-key-no-scopes');
    await newApp.getByRole('button', { name: 'Create app' }).click();
    await newApp.waitFor({ state: 'detached' });
    await openAppCard(page, 'atfinity');

    // Generate API key: name and expiration, then Generate — two steps, no scopes.
    const wizard = await openWizard(page);
    const steps = wizard.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    expect(await steps.allTextContents()).toEqual(['1Name and expiration', '2Store your API key']);
    await fillKeyDetails(wizard, { name: 'Production', expiration: '1 year' });
    expect(await wizard.getByRole('button', { name: 'Next' }).count(), 'no Next without scopes').toBe(0);
    await screenshotBothSizes(page, '201-wizard-without-scopes');
    await wizard.getByRole('button', { name: 'Generate', exact: true }).click();
    await waitForStorePage(wizard);
    expect(await wizard.getByRole('heading', { name: 'Select scopes' }).count()).toBe(0);

    // The store page shows the header line, masked like the key until Show.
    const header = wizard.getByTestId('api-key-header');
    expect(await header.textContent()).toMatch(
      /^Authorization: Api-Key atfinity_[0-9A-Za-z]{8}\.•+ \(secret part hidden\)$/,
    );
    await screenshotBothSizes(page, '202-store-page-header-masked');
    const key = issuedKey(await readPlaintextFromStorePage(wizard));
    expect(await header.textContent()).toBe(`Authorization: Api-Key ${key.plaintext}`);
    await wizard.getByRole('button', { name: 'Hide' }).click();
    expect(await page.content(), 'hidden again').not.toContain(key.plaintext);

    // Save in vault asks first; Save in vault again saves.
    await wizard.getByRole('button', { name: 'Save in vault' }).click();
    const question = wizard.getByRole('group', { name: 'Save your API key in Personal?' });
    await question.waitFor();
    await bothSizesShowing(page, '203-save-in-vault-confirm', question);
    await question.getByRole('button', { name: 'Save in vault' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Saved in the vault "Personal".' }).waitFor();
    // Saved, but not ticked: the user still says the key is stored, as on Cerby's page.
    expect(await wizard.getByRole('checkbox', { name: STORED_LABEL }).isChecked()).toBe(false);
    expect(await doneButton(wizard).isDisabled()).toBe(true);
    await bothSizesShowing(page, '204-saved-not-yet-ticked', wizard.getByRole('checkbox', { name: STORED_LABEL }));
    await confirmStoredAndFinish(wizard);

    // Check a key with the whole header line: the line names its scheme.
    const check = await openCheckKey(page);
    expect(await check.getByLabel('Header scheme').inputValue(), "the app's scheme first").toBe('api-key');
    const line = `Authorization: Api-Key ${key.plaintext}`;
    expect(await checkKey(check, { scheme: 'X-API-Key', headerValue: line })).toBe('Valid ✓');
    await check.getByText('From the line you pasted: Authorization: Api-Key <key>').waitFor();
    await check.getByRole('status').getByText('Production').waitFor();
    await screenshotBothSizes(page, '205-check-key-header-line');
    await closeCheckKey(check);

    // The vault entry sends the key the app's way.
    await goToVaults(page);
    const personal = await openVault(page, 'Personal');
    await entryRow(personal, 'Production').getByRole('cell', { name: 'Api-Key', exact: true }).waitFor();
    expect(await page.content()).not.toContain(key.plaintext);
  });
});
