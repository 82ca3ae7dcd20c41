// The "Generate API key" wizard in the built renderer: each step's validation, and Back keeping what was entered.
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import {
  cellInstant,
  confirmStoredAndFinish,
  fillKeyDetails,
  generateButton,
  goToScopes,
  issuedKey,
  keyCell,
  keyRowByChip,
  localDateAt,
  noScopesBox,
  openWizard,
  readPlaintextFromStorePage,
  scopeBox,
  selectScopes,
  waitForStorePage,
} from './support/issuing-steps';
import { appWithKeysTab } from './support/slice-steps';

describe('generate API key wizard', () => {
  const e2e = useE2E();

  it('validates each step, and Back keeps the name, expiration and scopes', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    await appWithKeysTab(page);
    const wizard = await openWizard(page);
    const name = wizard.getByLabel('API key name');

    // An empty name.
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByText('API key name is required.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '44-wizard-name-required');

    // An over-long name (101 characters).
    await name.fill('x'.repeat(101));
    await wizard.getByText('API key name can be at most 100 characters.').waitFor();
    await wizard.getByRole('button', { name: 'Next' }).click();
    expect(await wizard.getByRole('heading', { name: 'Select scopes' }).count()).toBe(0);
    await screenshot(page, '45-wizard-name-too-long');

    // A custom date in the past.
    const yesterday = localDateAt(-1, '08:00');
    await fillKeyDetails(wizard, { name: 'Staging', expiration: 'Custom', custom: yesterday });
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByText('The expiration date and time must be in the future.').waitFor();
    expect(await wizard.getByLabel('Date', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid'), 'the name is fine now').toBeNull();
    await screenshot(page, '46-wizard-custom-in-past');

    // A future date: on to Select scopes; Generate without a scope and without "no scopes" is refused.
    const later = localDateAt(10, '17:45');
    await fillKeyDetails(wizard, { name: 'Staging', custom: later });
    await goToScopes(wizard);
    await wizard.getByText('0 of 9 selected').waitFor();
    await generateButton(wizard).click();
    await wizard
      .getByRole('alert')
      .filter({ hasText: 'Select at least one scope, or tick "This key needs no scopes".' })
      .waitFor();
    await screenshot(page, '47-wizard-no-scope-refused');

    // The explicit choice disables the scopes; taking it back makes them choosable again.
    await noScopesBox(wizard).check();
    expect(await scopeBox(wizard, 'Read items').isDisabled()).toBe(true);
    await wizard.getByRole('alert').filter({ hasText: 'Select at least one scope' }).waitFor({ state: 'detached' });
    await noScopesBox(wizard).uncheck();
    await selectScopes(wizard, ['Read items', 'Write integrations']);
    await wizard.getByText('2 of 9 selected').waitFor();
    await screenshot(page, '48-wizard-scopes-selected');

    // Back: the name, Custom and its date and time are as typed; Next: the scopes are still ticked.
    await wizard.getByRole('button', { name: 'Back' }).click();
    await name.waitFor();
    expect(await name.inputValue()).toBe('Staging');
    expect(await wizard.getByLabel('Expiration time').inputValue()).toBe('custom');
    expect(await wizard.getByLabel('Date', { exact: true }).inputValue()).toBe(later.date);
    expect(await wizard.getByLabel('Time', { exact: true }).inputValue()).toBe(later.time);
    await screenshot(page, '49-wizard-back-keeps-input');
    await goToScopes(wizard);
    expect(await scopeBox(wizard, 'Read items').isChecked()).toBe(true);
    expect(await scopeBox(wizard, 'Write integrations').isChecked()).toBe(true);
    expect(await scopeBox(wizard, 'Read users').isChecked()).toBe(false);

    await generateButton(wizard).click();
    await waitForStorePage(wizard);
    const key = issuedKey(await readPlaintextFromStorePage(wizard));
    await confirmStoredAndFinish(wizard);
    const row = keyRowByChip(page, key.chip);
    expect(await keyCell(row, 'name').textContent()).toBe('Staging');
    await keyCell(row, 'scopes').getByText('2 scopes').waitFor();
    expect(await cellInstant(row, 'expires')).toBe(later.ms);
    await keyCell(row, 'status').getByText('Active', { exact: true }).waitFor();

    // A key with no scopes at all, chosen explicitly.
    const bare = await openWizard(page);
    await fillKeyDetails(bare, { name: 'Health check' });
    await goToScopes(bare);
    await selectScopes(bare, []);
    await generateButton(bare).click();
    await waitForStorePage(bare);
    const bareKey = issuedKey(await readPlaintextFromStorePage(bare));
    await confirmStoredAndFinish(bare);
    await keyCell(keyRowByChip(page, bareKey.chip), 'scopes').getByText('None').waitFor();
  });
});
