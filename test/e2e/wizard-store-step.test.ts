// The "Generate API key" wizard in the built renderer: the store step's confirmation and close guard.
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import {
  doneButton,
  fillKeyDetails,
  generateButton,
  goToScopes,
  issuedKey,
  keyCell,
  keyRowByChip,
  openWizard,
  readPlaintextFromStorePage,
  selectScopes,
  STORED_LABEL,
  waitForStorePage,
} from './support/issuing-steps';
import { appWithKeysTab } from './support/slice-steps';

describe('generate API key wizard', () => {
  const e2e = useE2E();

  it('keeps Done disabled until the key is confirmed as stored, and asks before closing without it', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    await appWithKeysTab(page);
    const wizard = await openWizard(page);
    await fillKeyDetails(wizard, { name: 'Production' });
    await goToScopes(wizard);
    await selectScopes(wizard, ['Read items']);
    await screenshot(page, '50-wizard-select-scopes');
    await generateButton(wizard).click();
    await waitForStorePage(wizard);

    // Masked, Done disabled; the steps show the third as current.
    const current = wizard.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"] .steps__label');
    expect(await current.textContent()).toBe('Store your API key');
    expect(await doneButton(wizard).isDisabled()).toBe(true);
    expect(await wizard.getByRole('checkbox', { name: STORED_LABEL }).isChecked()).toBe(false);
    await screenshot(page, '51-wizard-store-masked');
    const plaintext = await readPlaintextFromStorePage(wizard);
    expect(await doneButton(wizard).isDisabled(), 'Show alone does not enable Done').toBe(true);

    // Escape without the tick: the question, in the dialog's footer; Keep open keeps the key.
    await page.keyboard.press('Escape');
    const question = wizard
      .getByRole('alert')
      .filter({ hasText: 'You have not confirmed you stored this key. Close anyway? The key cannot be shown again.' });
    await question.waitFor();
    await screenshot(page, '52-wizard-close-unconfirmed');
    await wizard.getByRole('button', { name: 'Keep open' }).click();
    await question.waitFor({ state: 'detached' });
    expect((await wizard.getByLabel('API key', { exact: true }).textContent())?.trim()).toBe(plaintext);
    // The close button asks the same.
    await wizard.getByRole('button', { name: 'Close', exact: true }).click();
    await question.waitFor();
    await wizard.getByRole('button', { name: 'Keep open' }).click();
    await question.waitFor({ state: 'detached' });

    // The tick enables Done.
    await wizard.getByRole('checkbox', { name: STORED_LABEL }).check();
    expect(await doneButton(wizard).isEnabled()).toBe(true);
    await screenshot(page, '53-wizard-store-confirmed');
    await doneButton(wizard).click();
    await wizard.waitFor({ state: 'detached' });
    const key = issuedKey(plaintext);
    const row = keyRowByChip(page, key.chip);
    await keyCell(row, 'status').getByText('Active', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(plaintext);

    // Close anyway: the key was issued (it is in the table) but is gone from the screen for good.
    const second = await openWizard(page);
    await fillKeyDetails(second, { name: 'Throwaway' });
    await goToScopes(second);
    await selectScopes(second, ['Read items']);
    await generateButton(second).click();
    await waitForStorePage(second);
    const secondKey = issuedKey(await readPlaintextFromStorePage(second));
    await page.keyboard.press('Escape');
    await second.getByRole('button', { name: 'Close anyway' }).click();
    await second.waitFor({ state: 'detached' });
    expect(await keyCell(keyRowByChip(page, secondKey.chip), 'name').textContent()).toBe('Throwaway');
    expect(await page.content()).not.toContain(secondKey.plaintext);
    await screenshot(page, '54-keys-table-after-wizard');
  });
});
