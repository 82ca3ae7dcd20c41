import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import type { Expiration } from '../../shared/domain/expiration';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { cellInstant, issuedKey, keyCell, keyRowByChip, type IssuedKey } from './support/issuing-steps';
import { openAppCard } from './support/slice-steps';

const HOUR = 3_600_000;

/**
 * Keys near their expiry. The harness's clock cannot be moved, so the data folder is filled before the
 * harness starts, by the same core opened in this process with the same real keychain (the private
 * session's gnome-keyring, where the harness then finds the folder's pepper).
 */
async function seedExpiringKeys(dataDir: string): Promise<{ inDays: IssuedKey; inHours: IssuedKey; never: IssuedKey }> {
  const core = await openCore({ dataDir, keychain: new KeytarKeychain(), version: 'e2e-seed' });
  try {
    const app = await core.apps.create({ name: 'Pyas' });
    const generate = async (name: string, expiration: Expiration) =>
      issuedKey((await core.keys.generate({ appId: app.id, name, expiration, scopes: ['read:items'] })).plaintext);
    const now = Date.now();
    return {
      inDays: await generate('In three days', { kind: 'custom', at: new Date(now + 72 * HOUR).toISOString() }),
      inHours: await generate('In ten hours', { kind: 'custom', at: new Date(now + 10 * HOUR).toISOString() }),
      never: await generate('Forever', { kind: 'never' }),
    };
  } finally {
    await core.close();
  }
}

describe('keys near expiry', () => {
  const e2e = useE2E();

  it('shows an urgent badge with the count, Active with "expires in …" beside it in the table, and flags the key that never expires', async () => {
    const dataDir = await e2e.makeDataDir();
    const seeded = await seedExpiringKeys(dataDir);
    const harness = await e2e.startHarness({ dataDir });
    const { page } = await e2e.open(harness);

    // The sidebar: 2 keys expire within 7 days, one within a day, so the badge is urgent.
    const badge = page.getByRole('navigation', { name: 'Main' }).getByTestId('expiry-badge');
    await badge.waitFor();
    expect((await badge.textContent())?.trim()).toBe('2');
    expect(await badge.getAttribute('class')).toContain('sidebar__badge--urgent');
    expect(await badge.getAttribute('title')).toBe('2 keys expire within 7 days, at least one within a day');
    const card = page.getByRole('list', { name: 'Apps' }).getByRole('listitem').filter({ hasText: 'Pyas' });
    await card.getByText('2 expiring soon').waitFor();
    await card.getByText('3 keys').waitFor();
    await screenshot(page, '85-apps-expiry-badge');

    // The table: both Active, with how soon they expire beside it (issue 14, item 8), at the seeded
    // instants; the third never expires.
    await openAppCard(page, 'Pyas');
    for (const [key, hours] of [
      [seeded.inDays, 72],
      [seeded.inHours, 10],
    ] as const) {
      const row = keyRowByChip(page, key.chip);
      await keyCell(row, 'status').getByText('Active', { exact: true }).waitFor();
      await keyCell(row, 'status')
        .getByText(/^expires in \d+ (days|hours)$/)
        .waitFor();
      const left = (await cellInstant(row, 'expires')) - Date.now();
      expect(left).toBeLessThanOrEqual(hours * HOUR);
      expect(left).toBeGreaterThan(hours * HOUR - 5 * 60_000);
    }
    await keyCell(keyRowByChip(page, seeded.inDays.chip), 'expires').getByText('in 3 days').waitFor();
    await keyCell(keyRowByChip(page, seeded.inHours.chip), 'expires')
      .getByText(/^in (9|10) hours$/)
      .waitFor();
    const neverRow = keyRowByChip(page, seeded.never.chip);
    await keyCell(neverRow, 'expires').getByText('Never expires').waitFor();
    await keyCell(neverRow, 'status').getByText('Active', { exact: true }).waitFor();
    await screenshot(page, '86-keys-expiring-soon');

    // The status filter finds them.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Expiring soon' });
    await page.getByRole('status').filter({ hasText: '2 of 3 keys' }).waitFor();
    expect(await keyRowByChip(page, seeded.never.chip).count()).toBe(0);
    await screenshot(page, '87-keys-filter-expiring-soon');
  });
});
