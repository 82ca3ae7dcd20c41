import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import {
  cellInstant,
  confirmStoredAndFinish,
  doneButton,
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
  STORED_LABEL,
  waitForStorePage,
  type ExpirationLabel,
  type IssuedKey,
} from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Slack for the round trip between reading the test's clock and the core stamping the key. */
const SLACK_MS = 5_000;

const PRESETS: ReadonlyArray<{ label: ExpirationLabel; expiry: (from: number) => number; status: string }> = [
  { label: '1 hour', expiry: (t) => t + HOUR, status: 'Expiring soon' },
  { label: '12 hours', expiry: (t) => t + 12 * HOUR, status: 'Expiring soon' },
  { label: '1 day', expiry: (t) => t + DAY, status: 'Expiring soon' },
  { label: '5 days', expiry: (t) => t + 5 * DAY, status: 'Expiring soon' },
  {
    label: '1 year',
    expiry: (t) => {
      const next = new Date(t);
      next.setUTCFullYear(next.getUTCFullYear() + 1); // a calendar year, as the core counts it
      return next.getTime();
    },
    status: 'Active',
  },
];

async function appWithKeysTab(page: Page): Promise<void> {
  await createApp(page, 'Pyas');
  await openAppCard(page, 'Pyas');
  await page.getByText('No API keys yet').waitFor();
}

/** Generates through the wizard and returns the key with the test clock's readings around the generate call. */
async function generateTimed(
  page: Page,
  details: Parameters<typeof fillKeyDetails>[1],
  scopes: readonly string[],
): Promise<{ key: IssuedKey; before: number; after: number }> {
  const wizard = await openWizard(page);
  await fillKeyDetails(wizard, details);
  await goToScopes(wizard);
  await selectScopes(wizard, scopes);
  const before = Date.now();
  await generateButton(wizard).click();
  await waitForStorePage(wizard);
  const after = Date.now();
  const key = issuedKey(await readPlaintextFromStorePage(wizard));
  await confirmStoredAndFinish(wizard);
  await keyRowByChip(page, key.chip).waitFor();
  return { key, before, after };
}

/**
 * The "Generate API key" wizard in the built renderer: every expiration choice, each step's validation,
 * Back, the store step's confirmation and close guard, and what the keys table shows afterwards.
 */
describe('generate API key wizard', () => {
  const e2e = useE2E();

  it('issues a key for every expiration choice, each expiring when chosen; Never warns and is flagged', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await appWithKeysTab(page);

    // Step 1 as it opens: the name, and "Expiration time" on 1 year.
    const wizard = await openWizard(page);
    expect(await wizard.getByLabel('Expiration time').inputValue()).toBe('1y');
    const options = await wizard.getByLabel('Expiration time').locator('option').allTextContents();
    expect(options).toEqual(['1 hour', '12 hours', '1 day', '5 days', '1 year', 'Custom', 'Never']);
    await screenshot(page, '40-wizard-details');
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await wizard.waitFor({ state: 'detached' });

    // The presets: each key expires its duration after it was generated.
    for (const preset of PRESETS) {
      const { key, before, after } = await generateTimed(page, { name: preset.label, expiration: preset.label }, [
        'Read items',
      ]);
      const row = keyRowByChip(page, key.chip);
      const expires = await cellInstant(row, 'expires');
      expect(expires, `${preset.label}: expires no earlier than chosen`).toBeGreaterThanOrEqual(
        preset.expiry(before) - SLACK_MS,
      );
      expect(expires, `${preset.label}: expires no later than chosen`).toBeLessThanOrEqual(
        preset.expiry(after) + SLACK_MS,
      );
      await keyCell(row, 'status').getByText(preset.status, { exact: true }).waitFor();
      await keyCell(row, 'scopes').getByText('1 scope').waitFor();
    }

    // Custom: a date and time in the future, exactly; the fields appear only for Custom.
    const custom = localDateAt(30, '09:30');
    const customWizard = await openWizard(page);
    expect(await customWizard.getByLabel('Date', { exact: true }).count()).toBe(0);
    await fillKeyDetails(customWizard, { name: 'Custom', expiration: 'Custom', custom });
    await customWizard.getByRole('group', { name: 'Expires on (your local time)' }).waitFor();
    await screenshot(page, '41-wizard-custom-expiry');
    await goToScopes(customWizard);
    await selectScopes(customWizard, ['Read items', 'Read users']);
    await generateButton(customWizard).click();
    await waitForStorePage(customWizard);
    const customKey = issuedKey(await readPlaintextFromStorePage(customWizard));
    await confirmStoredAndFinish(customWizard);
    const customRow = keyRowByChip(page, customKey.chip);
    expect(await cellInstant(customRow, 'expires')).toBe(custom.ms);
    await keyCell(customRow, 'status').getByText('Active', { exact: true }).waitFor();
    await keyCell(customRow, 'scopes').getByText('2 scopes').waitFor();

    // Never: GitHub's warning on the step, and the key flagged in the table.
    const neverWizard = await openWizard(page);
    await fillKeyDetails(neverWizard, { name: 'Forever', expiration: 'Never' });
    const warning = neverWizard.getByRole('note').filter({ hasText: 'This key never expires' });
    await warning.getByText('Keys that never expire are a risk if they leak.', { exact: false }).waitFor();
    await screenshot(page, '42-wizard-never-warning');
    await goToScopes(neverWizard);
    await selectScopes(neverWizard, ['Read items']);
    await generateButton(neverWizard).click();
    await waitForStorePage(neverWizard);
    const neverKey = issuedKey(await readPlaintextFromStorePage(neverWizard));
    await confirmStoredAndFinish(neverWizard);
    const neverRow = keyRowByChip(page, neverKey.chip);
    await keyCell(neverRow, 'expires').getByText('Never expires').waitFor();
    expect(await keyCell(neverRow, 'expires').locator('time').count()).toBe(0);
    await keyCell(neverRow, 'status').getByText('Active', { exact: true }).waitFor();

    await page.getByRole('status').filter({ hasText: '7 of 7 keys' }).waitFor();
    await screenshot(page, '43-keys-table-every-expiration');
  });

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
