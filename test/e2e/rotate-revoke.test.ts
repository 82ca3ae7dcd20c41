import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import {
  checkKey,
  closeCheckKey,
  confirmStoredAndFinish,
  generateKeyThroughWizard,
  issuedKey,
  keyCell,
  keyRowByChip,
  openCheckKey,
  openRotate,
  readPlaintextFromStorePage,
  waitForStorePage,
  type IssuedKey,
} from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';

async function appWithKey(page: Page, keyName: string): Promise<IssuedKey> {
  await createApp(page, 'Pyas');
  await openAppCard(page, 'Pyas');
  return generateKeyThroughWizard(page, { name: keyName, scopes: ['Read items', 'Read users'] });
}

/** The rotation link in a row, named by the other key's whole public part (`pyas_n58lZyBi`). */
function rotationLink(page: Page, from: IssuedKey, to: IssuedKey): Locator {
  return keyRowByChip(page, from.chip).getByRole('button', { name: `${to.prefix}_${to.keyId}`, exact: true });
}

/** The row that a rotation link jumped to: highlighted (and focused) by the table. */
function highlighted(page: Page, key: IssuedKey): Locator {
  return keyRowByChip(page, key.chip).and(page.locator('.keys-table__row--highlight'));
}

/**
 * Rotate (nexos.ai, with Stripe's and Unkey's grace period) and Revoke (atfinity) in the built renderer,
 * and what "Check a key" answers for the keys afterwards, through the real core and keychain.
 */
describe('rotate and revoke', () => {
  const e2e = useE2E();

  it('rotates with a 24-hour grace period (old key still valid), then immediately (old key revoked)', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    const first = await appWithKey(page, 'Production');

    // The confirmation: what happens to the current key, and the grace period, Immediately by default.
    const rotate = await openRotate(page, first);
    const explanation = rotate.getByText(
      `The current key “Production” (${first.chip}) will be replaced with a new key with the same name, scopes and expiration setting — regenerated, as Extracta says.`,
    );
    await explanation.waitFor();
    const graces = rotate.getByRole('group', { name: 'Keep the old key working for' }).getByRole('radio');
    const values = await Promise.all((await graces.all()).map((radio) => radio.getAttribute('value')));
    expect(values).toEqual(['immediately', '1h', '24h', '7d']);
    expect(await rotate.getByRole('radio', { name: 'Immediately' }).isChecked()).toBe(true);
    await rotate.getByRole('radio', { name: '24 hours' }).check();
    await screenshot(page, '55-rotate-confirm-grace');

    // The new key, once, on "Store your API key", under a note on the old key's grace period.
    const rotatedAt = Date.now();
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await waitForStorePage(rotate);
    await rotate
      .getByRole('note')
      .filter({ hasText: `The old key ${first.prefix}_${first.keyId}… keeps working until` })
      .waitFor();
    await screenshot(page, '56-rotate-store-new-key');
    const second = issuedKey(await readPlaintextFromStorePage(rotate));
    expect(second.prefix).toBe('pyas');
    expect(second.keyId).not.toBe(first.keyId);
    await confirmStoredAndFinish(rotate);

    // The table: the old key Rotated, "works until …" (about 24 hours from now); the two rows linked.
    const oldRow = keyRowByChip(page, first.chip);
    const newRow = keyRowByChip(page, second.chip);
    await keyCell(oldRow, 'status').getByText('Rotated', { exact: true }).waitFor();
    const worksUntil = keyCell(oldRow, 'status').getByText(/^works until /);
    await worksUntil.waitFor();
    const until = (await worksUntil.getAttribute('title')) ?? '';
    expect(until).toMatch(/^Keeps working until /);
    // "Keeps working until Nov 24, 2026, 2:03 AM" (browser and test share the locale and zone here):
    // to the minute, 24 hours after the rotation.
    const untilMs = Date.parse(until.replace(/^Keeps working until /, '').replace(/[\u202f\u00a0]/g, ' '));
    expect(untilMs, until).not.toBeNaN();
    expect(Math.abs(untilMs - (rotatedAt + 24 * 3_600_000))).toBeLessThan(2 * 60_000);
    await keyCell(newRow, 'status').getByText('Active', { exact: true }).waitFor();
    await keyCell(newRow, 'scopes').getByText('2 scopes').waitFor();
    expect(await keyCell(newRow, 'name').textContent()).toBe('Production');
    await rotationLink(page, first, second).waitFor();
    await rotationLink(page, second, first).waitFor();
    expect(await keyCell(oldRow, 'key').textContent()).toContain('Replaced by');
    expect(await keyCell(newRow, 'key').textContent()).toContain('Replaces');
    // In its grace period the old key can still be revoked, not rotated again.
    expect(await oldRow.getByRole('button', { name: 'Rotate' }).count()).toBe(0);
    expect(await oldRow.getByRole('button', { name: 'Revoke' }).count()).toBe(1);
    await screenshot(page, '57-rotate-table-grace');

    // Following a link brings the other row into view and marks it.
    await rotationLink(page, first, second).click();
    await highlighted(page, second).waitFor();
    await rotationLink(page, second, first).click();
    await highlighted(page, first).waitFor();

    // Check a key: the old key, sent as a Bearer token, is still valid during its grace period.
    const check = await openCheckKey(page);
    expect(await checkKey(check, { scheme: 'Bearer', headerValue: `Bearer ${first.plaintext}` })).toBe('Valid ✓');
    await check.getByRole('status').getByText(`${first.prefix}_${first.keyId}…`).waitFor();
    await screenshot(page, '58-check-old-key-in-grace');
    expect(await checkKey(check, { scheme: 'Bearer', headerValue: `Bearer ${second.plaintext}` })).toBe('Valid ✓');
    await closeCheckKey(check);

    // Rotate the new key at once: the one it replaces stops working now.
    const again = await openRotate(page, second);
    await again.getByText(`The current key “Production” (${second.chip}) will be replaced`).waitFor();
    await again.getByRole('radio', { name: 'Immediately' }).check();
    await again.getByRole('button', { name: 'Rotate key' }).click();
    await waitForStorePage(again);
    await again
      .getByRole('note')
      .filter({ hasText: `The old key ${second.prefix}_${second.keyId}… no longer works.` })
      .waitFor();
    const third = issuedKey(await readPlaintextFromStorePage(again));
    await confirmStoredAndFinish(again);

    // A key rotated at once has ended: it leaves the table until asked for (issue 14).
    await page.getByRole('status').filter({ hasText: '2 of 3 keys' }).waitFor();
    await page.getByRole('checkbox', { name: 'Show revoked and rotated (1)' }).check();
    const secondRow = keyRowByChip(page, second.chip);
    await keyCell(secondRow, 'status').getByText('Rotated', { exact: true }).waitFor();
    expect(
      await keyCell(secondRow, 'status')
        .getByText(/^works until /)
        .count(),
    ).toBe(0);
    expect(await secondRow.getByRole('button', { name: /^(Rotate|Revoke)$/ }).count()).toBe(0);
    await rotationLink(page, second, third).waitFor();
    await rotationLink(page, third, second).waitFor();
    await keyCell(keyRowByChip(page, third.chip), 'status').getByText('Active', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: '3 of 3 keys' }).waitFor();
    await screenshot(page, '59-rotate-immediately-table');

    const recheck = await openCheckKey(page);
    expect(await checkKey(recheck, { scheme: 'Bearer', headerValue: `Bearer ${second.plaintext}` })).toBe('Revoked');
    await screenshot(page, '60-check-rotated-key-revoked');
    expect(await checkKey(recheck, { scheme: 'Bearer', headerValue: `Bearer ${first.plaintext}` })).toBe('Valid ✓');
    expect(await checkKey(recheck, { scheme: 'Bearer', headerValue: `Bearer ${third.plaintext}` })).toBe('Valid ✓');
    await closeCheckKey(recheck);
    for (const key of [first, second, third]) expect(await page.content()).not.toContain(key.plaintext);
  });

  it('revokes a key after a confirmation that says it cannot be undone; the key then checks as Revoked', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    const key = await appWithKey(page, 'CI pipeline');
    const row = keyRowByChip(page, key.chip);

    // Cancel changes nothing.
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke API key' });
    await dialog
      .getByText(`Revoking “CI pipeline” (${key.chip}) disables it immediately. This cannot be undone.`)
      .waitFor();
    await screenshot(page, '61-revoke-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await keyCell(row, 'status').getByText('Active', { exact: true }).waitFor();

    // Revoke key: the row says Revoked and offers no action any more.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await dialog.waitFor({ state: 'detached' });
    // It leaves the table, until "Show revoked and rotated" is ticked (issue 14).
    await page.getByRole('checkbox', { name: 'Show revoked and rotated (1)' }).check();
    await keyCell(row, 'status').getByText('Revoked', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /^(Rotate|Revoke)$/ }).count()).toBe(0);
    await screenshot(page, '62-revoked-table');

    // Check a key with the atfinity scheme: `Authorization: Api-Key <key>`.
    const check = await openCheckKey(page);
    expect(await checkKey(check, { scheme: 'Api-Key', headerValue: `Api-Key ${key.plaintext}` })).toBe('Revoked');
    await check.getByText('The key was ours, but it was revoked or rotated and no longer works.').waitFor();
    await screenshot(page, '63-check-revoked-key');
    await closeCheckKey(check);
  });
});
