import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import {
  generateKeyThroughWizard,
  keyCell,
  keyRowByChip,
  revokeKey,
  rotateKey,
  type IssuedKey,
} from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';

const label = (key: IssuedKey) => `${key.prefix}_${key.keyId}`;

function scopeItem(page: Page, scopeId: string): Locator {
  return page
    .getByRole('list', { name: /^Scopes of / })
    .getByRole('listitem')
    .filter({ hasText: scopeId });
}

/** A record of an activity table, by its event label and (optionally) the key label it shows. */
function activityRow(page: Page, event: string, keyLabel?: string): Locator {
  const rows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByText(event, { exact: true }) });
  return keyLabel ? rows.filter({ has: page.getByText(keyLabel, { exact: true }) }) : rows;
}

const chainIntact = (page: Page) => page.getByRole('status').filter({ hasText: /^Activity log intact — \d+ records?/ });

/**
 * Settings (General: the key prefix; Scopes: add, rename, remove) and Activity (per app and across apps,
 * its hash chain, and a log edited outside Keyhaven), in the built renderer against the real core.
 */
describe('settings and activity', () => {
  const e2e = useE2E();

  it('changes the prefix and the scope catalog, records everything, and notices an edited activity log', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await createApp(page, 'Pyas');
    await openAppCard(page, 'Pyas');
    const first = await generateKeyThroughWizard(page, { name: 'Old prefix', scopes: ['Read items'], copy: true });
    expect(first.prefix).toBe('pyas');

    // Settings → General: a new key prefix, for keys generated from now on.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'General' }).waitFor();
    await screenshot(page, '70-settings');
    const prefix = page.getByLabel('Key prefix');
    expect(await prefix.inputValue()).toBe('pyas');
    await prefix.fill('payments');
    await page.getByText('New keys will look like payments_XXXXXXXX.…').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await page.locator('main h1 code').filter({ hasText: 'payments_' }).waitFor();
    await screenshot(page, '71-settings-prefix-saved');

    // Settings → Scopes: add one.
    await page.getByRole('button', { name: 'Add scope' }).click();
    const add = page.getByRole('form', { name: 'Add scope' });
    await add.getByLabel('Identifier').fill('export:reports');
    await add.getByLabel('Scope name').fill('Export reports');
    await add.getByLabel('Scope description (optional)').fill('Download the monthly reports.');
    await screenshot(page, '72-scope-add-form');
    await add.getByRole('button', { name: 'Add scope' }).click();
    await add.waitFor({ state: 'detached' });
    await scopeItem(page, 'export:reports').getByText('Export reports', { exact: true }).waitFor();

    // Rename it: the identifier stays (keys refer to it).
    await scopeItem(page, 'export:reports').getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('form', { name: 'Rename scope export:reports' });
    await rename.getByText('Identifier export:reports stays the same: keys refer to it.').waitFor();
    await rename.getByLabel('Scope name').fill('Export all reports');
    await screenshot(page, '73-scope-rename-form');
    await rename.getByRole('button', { name: 'Save scope' }).click();
    await rename.waitFor({ state: 'detached' });
    await scopeItem(page, 'export:reports').getByText('Export all reports', { exact: true }).waitFor();
    await screenshot(page, '74-scopes-after-rename');

    // New keys start with the new prefix and can have the new scope; the old key keeps its prefix.
    await page.getByRole('tab', { name: 'API Keys' }).click();
    const second = await generateKeyThroughWizard(page, {
      name: 'New prefix',
      scopes: ['Read items', 'Export all reports'],
    });
    expect(second.prefix).toBe('payments');
    const bot = await generateKeyThroughWizard(page, { name: 'Reports bot', scopes: ['Export all reports'] });
    expect(bot.prefix).toBe('payments');
    await keyCell(keyRowByChip(page, first.chip), 'key').getByText(`pyas_${first.keyId}…`).waitFor();
    await keyCell(keyRowByChip(page, second.chip), 'scopes').getByText('2 scopes').waitFor();
    await page.getByText('Keys of this app start with payments_.').waitFor();
    await screenshot(page, '75-keys-two-prefixes');

    // A rotation and a revocation, for the log.
    const replacement = await rotateKey(page, first, 'Immediately');
    await revokeKey(page, replacement);

    // Remove the scope: the confirmation says how many keys lose it.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await scopeItem(page, 'export:reports').getByRole('button', { name: 'Remove' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove scope' });
    await remove.getByText('Remove scope export:reports? 2 keys have it and will lose it.').waitFor();
    await screenshot(page, '76-scope-remove-confirm');
    await remove.getByRole('button', { name: 'Remove scope' }).click();
    await remove.waitFor({ state: 'detached' });
    await scopeItem(page, 'export:reports').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'API Keys' }).click();
    await keyCell(keyRowByChip(page, second.chip), 'scopes').getByText('1 scope').waitFor();
    await keyCell(keyRowByChip(page, bot.chip), 'scopes').getByText('None').waitFor();

    // Activity: every kind of record, with the key labels, and the chain intact.
    await page.getByRole('tab', { name: 'Activity' }).click();
    await chainIntact(page).waitFor();
    await activityRow(page, 'App created').waitFor();
    await activityRow(page, 'Key generated', label(first)).waitFor();
    await activityRow(page, 'Key shown', label(first)).waitFor();
    await activityRow(page, 'Key copied', label(first)).waitFor();
    await activityRow(page, 'App changed').filter({ hasText: 'key prefix changed from pyas to payments' }).waitFor();
    for (const change of [
      'scope export:reports ("Export reports") added',
      'scope export:reports renamed from "Export reports" to "Export all reports"',
      'scope export:reports removed',
    ]) {
      await activityRow(page, 'Scopes changed').filter({ hasText: change }).waitFor();
    }
    await activityRow(page, 'Key generated', label(second)).waitFor();
    await activityRow(page, 'Key rotated', label(first))
      .filter({ hasText: `replaced by ${label(replacement)}` })
      .waitFor();
    await activityRow(page, 'Key revoked', label(replacement)).waitFor();
    const records = await page.getByRole('table').getByRole('row').count();
    expect(await chainIntact(page).textContent()).toContain(`${records - 1} records, each chained to the one before`);
    await screenshot(page, '77-app-activity-intact');
    // No secret in the log, on screen or on disk.
    const log = await readFile(join(harness.dataDir, 'activity.jsonl'), 'utf8');
    for (const key of [first, second, bot, replacement]) {
      expect(log).not.toContain(key.plaintext.slice(key.plaintext.indexOf('.') + 1));
      expect(await page.content()).not.toContain(key.plaintext);
    }

    // The event filter narrows the list.
    await page.getByLabel('Event').selectOption({ label: 'Scopes changed' });
    await page
      .getByRole('status')
      .filter({ hasText: `3 of ${records - 1} records` })
      .waitFor();
    await screenshot(page, '78-app-activity-filtered');

    // Edit one record's summary outside Keyhaven (same length, valid JSON), reload: the log was altered.
    const lines = log.split('\n');
    const at = lines.findIndex((line) => line.includes('"type":"key.generated"'));
    expect(at).toBeGreaterThan(0);
    const edited = lines[at]?.replace(/"summary":"API key/, '"summary":"API KEY') ?? '';
    expect(edited).not.toBe(lines[at]);
    lines[at] = edited;
    await writeFile(join(harness.dataDir, 'activity.jsonl'), lines.join('\n'));
    await page.reload();
    await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
    await openAppCard(page, 'Pyas');
    await page.getByRole('tab', { name: 'Activity' }).click();
    const altered = page.getByRole('alert').filter({ hasText: 'The activity log was altered' });
    await altered.getByText(`Record ${at + 1} (line ${at + 1}) does not match its hash.`, { exact: false }).waitFor();
    expect(await chainIntact(page).count()).toBe(0);
    await screenshot(page, '79-app-activity-altered');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'The activity log was altered' }).waitFor();
  });

  it('lists the records of every app on the global Activity screen', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    await createApp(page, 'Pyas');
    await createApp(page, 'Billing');
    await openAppCard(page, 'Pyas');
    const pyas = await generateKeyThroughWizard(page, { name: 'Production', scopes: ['Read items'] });
    await page.getByRole('button', { name: 'Apps', exact: true }).first().click();
    await openAppCard(page, 'Billing');
    const billing = await generateKeyThroughWizard(page, { name: 'Invoices', scopes: ['Read accounts'] });
    expect(billing.prefix).toBe('billing');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await chainIntact(page).waitFor();
    for (const app of ['Pyas', 'Billing']) {
      await activityRow(page, 'App created').filter({ hasText: app }).waitFor();
    }
    await activityRow(page, 'Key generated', label(pyas)).filter({ hasText: 'Pyas' }).waitFor();
    await activityRow(page, 'Key generated', label(billing)).filter({ hasText: 'Billing' }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Time', 'App', 'Event', 'Key']);
    await screenshot(page, '80-global-activity');

    await page.getByLabel('Event').selectOption({ label: 'Key generated' });
    await page
      .getByRole('status')
      .filter({ hasText: /^2 of \d+ records$/ })
      .waitFor();
    await screenshot(page, '81-global-activity-filtered');
  });
});
