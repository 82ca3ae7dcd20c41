// Issue 14: Activity covers vault keys (Show, Copy, Lock, Unlock, the console's sends) and shows the
// current hour's verifications at once, in Chromium against the real core, files and keychain.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import {
  addConsoleEntry,
  goToApps,
  sendForResponse,
  testApiBaseUrl,
  testThisKey,
  urlField,
} from './support/console-steps';
import { useE2E } from './support/e2e';
import { generateKeyThroughWizard } from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';
import { copyFromRow, goToVaults, lockToggle, openVault, revealEntry, waitForVaultState } from './support/vault-steps';

async function goToActivity(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity', exact: true }).click();
  await page.getByRole('table', { name: 'Activity across all apps, newest first' }).waitFor();
}

const row = (page: Page, text: string | RegExp) => page.getByRole('table').getByRole('row').filter({ hasText: text });

describe('activity: vault keys and this hour’s verifications', () => {
  const e2e = useE2E();

  it('records Show, Copy, Lock, Unlock and a console send, and counts this hour’s verifications as they come', async () => {
    const harness = await e2e.startHarness({ args: ['--test-api-port', '0'] });
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    const testApi = await testApiBaseUrl(harness);

    // An issued key, kept in the vault as a pasted key with the local test API as its base URL.
    await createApp(page, 'Pyas');
    await openAppCard(page, 'Pyas');
    const key = await generateKeyThroughWizard(page, { name: 'Production', scopes: ['Read items'] });
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');
    await addConsoleEntry(page, 'Personal', {
      name: 'Pyas production',
      key: key.plaintext,
      preset: 'Pyas',
      baseUrl: testApi,
    });

    // Show once, Copy three times in a row, Lock and Unlock.
    expect(await revealEntry(panel, 'Pyas production')).toBe(key.plaintext);
    for (let i = 0; i < 3; i += 1) await copyFromRow(harness, panel, 'Pyas production', 'Copy', key.plaintext);
    await lockToggle(panel, 'Lock').click();
    await waitForVaultState(panel, 'Locked');
    await lockToggle(panel, 'Unlock').click();
    await waitForVaultState(panel, 'Unlocked');

    // The console sends the vault key to the local test API: a send recorded, and a verification counted.
    await testThisKey(page, 'Personal', 'Pyas production');
    await urlField(page).fill(`${testApi}/v1/whoami`);
    expect((await sendForResponse(page)).status).toBe('200 OK');

    await goToActivity(page);
    const verified = row(page, 'verified 1 time this hour so far');
    await verified.getByText('So far: sealed into the log as one record when the hour ends').waitFor();
    await verified.getByText('This hour', { exact: true }).waitFor();
    await page.getByText(/^\d+ of \d+ records, and 1 key verified this hour so far$/).waitFor();
    await verified.getByText(`${key.prefix}_${key.keyId}`, { exact: true }).waitFor();
    await row(page, 'Vault key sent')
      .getByText(/^Vault "Personal": key of "Pyas production" sent by the request console \(GET 127\.0\.0\.1:\d+\)$/)
      .waitFor();
    await row(page, 'Vault key copied')
      .getByText(/^3 times, since /)
      .waitFor();
    await row(page, 'Vault key shown').waitFor();
    await row(page, 'Vault locked').waitFor();
    await row(page, 'Vault unlocked').waitFor();
    await screenshotBothSizes(page, '290-activity-vault-records');

    // Another verification: the hour's count grows where it is, without waiting for the hour to end.
    await goToApps(page);
    await goToVaults(page);
    await testThisKey(page, 'Personal', 'Pyas production');
    await urlField(page).fill(`${testApi}/v1/whoami`);
    expect((await sendForResponse(page)).status).toBe('200 OK');
    await goToActivity(page);
    await row(page, 'verified 2 times this hour so far')
      .getByText(/^So far: sealed into the log/)
      .waitFor();
    await screenshotBothSizes(page, '291-activity-this-hour-grows');

    // The key's own page lists the hour so far in its activity too.
    await goToApps(page);
    await openAppCard(page, 'Pyas');
    await page.getByRole('row').filter({ hasText: 'Production' }).getByRole('button', { name: 'Production' }).click();
    const keyActivity = page.getByRole('table', { name: 'Activity of Production, newest first' });
    await keyActivity
      .getByRole('row')
      .filter({ hasText: 'verified 2 times this hour so far' })
      .getByText('This hour', { exact: true })
      .waitFor();
    // The page scrolls inside its main area: bring the whole table (three records) into the picture.
    await keyActivity.getByRole('row').last().scrollIntoViewIfNeeded();
    await screenshotBothSizes(page, '292-key-page-this-hour');

    // The log itself names the vault and entry, never the key.
    const log = await readFile(join(harness.dataDir, 'activity.jsonl'), 'utf8');
    expect(log).toContain('"type":"entry.sent"');
    expect(log).not.toContain(key.plaintext);
    expect(log).not.toContain(key.plaintext.slice(key.plaintext.indexOf('.') + 1));
  });
});
