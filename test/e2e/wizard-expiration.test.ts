// The "Generate API key" wizard in the built renderer: every expiration choice, and when each key expires.
import type { Page } from 'playwright-core';
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
  openWizard,
  readPlaintextFromStorePage,
  selectScopes,
  waitForStorePage,
  type ExpirationLabel,
  type IssuedKey,
} from './support/issuing-steps';
import { appWithKeysTab, expectKeychainAvailable } from './support/slice-steps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Slack for the round trip between reading the test's clock and the core stamping the key. */
const SLACK_MS = 5_000;

const PRESETS: ReadonlyArray<{
  label: ExpirationLabel;
  expiry: (from: number) => number;
  status: string;
  soon?: boolean;
}> = [
  // Keys about to expire still read Active, with how soon beside it (issue 14, item 8).
  { label: '1 hour', expiry: (t) => t + HOUR, status: 'Active', soon: true },
  { label: '12 hours', expiry: (t) => t + 12 * HOUR, status: 'Active', soon: true },
  { label: '1 day', expiry: (t) => t + DAY, status: 'Active', soon: true },
  { label: '5 days', expiry: (t) => t + 5 * DAY, status: 'Active', soon: true },
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
      if (preset.soon)
        await keyCell(row, 'status')
          .getByText(/^expires in /)
          .waitFor();
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
});
