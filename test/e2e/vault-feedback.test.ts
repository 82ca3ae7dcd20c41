// Vaults feedback in Chromium (issue 14, items 6 and 7): Copy's notice counts down on the copied row
// and turns into "Clipboard cleared" when main has cleared it; Copy as header names the header line;
// long entry names are not cut to a few characters; Delete offers Undo, which restores the key.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, screenshotBothSizes, VIEWPORT } from './support/browser';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { expectKeychainAvailable } from './support/slice-steps';
import { entryRow, goToVaults, harnessClipboard, openVault, rowAction } from './support/vault-steps';

const SMALL = { width: 1024, height: 640 };
const LONG_NAME = 'atfinity production (EU region)';
const KEYS = {
  atfinity: 'atf.Xq82Lm3Nc7Vb0Pz5',
  cerby: 'cerby_Wb7Tq2Ls9Kd4Mh6',
  gateway: 'gw-token-55aa77cc99ee',
  extracta: 'ex_live_0a1b2c3d4e5f6a7b',
};

async function call<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Four entries in "Personal": a long name, tags, a custom header, and one to delete. */
async function seed(harness: HarnessProcess): Promise<Map<string, string>> {
  const vaults = await call<{ id: string; name: string }[]>(harness, 'vaults:list', {});
  const vaultId = vaults.find((vault) => vault.name === 'Personal')?.id;
  const ids = new Map<string, string>();
  const add = async (entry: { name: string; [field: string]: unknown }) =>
    ids.set(entry.name, (await call<{ id: string }>(harness, 'entries:add', { vaultId, ...entry })).id);
  await add({ name: LONG_NAME, secret: KEYS.atfinity, preset: 'atfinity' });
  await add({ name: 'Cerby admin console', secret: KEYS.cerby, preset: 'cerby', tags: ['admin', 'ops'] });
  await add({
    name: 'Internal gateway token',
    secret: KEYS.gateway,
    service: 'Internal gateway',
    scheme: { kind: 'header', name: 'X-Gateway-Token' },
  });
  await add({ name: 'Extracta document parsing', secret: KEYS.extracta, preset: 'extracta' });
  return ids;
}

/** How many pixels of an entry's name are in view in its row (the cell ends it with an ellipsis). */
async function nameWidth(page: Page, name: string): Promise<{ shown: number; full: number; title: string | null }> {
  const cell = page.locator('.entries-table__line', { hasText: name });
  return cell.evaluate((el) => ({ shown: el.clientWidth, full: el.scrollWidth, title: el.getAttribute('title') }));
}

describe('vaults: feedback that stays true', () => {
  const e2e = useE2E();

  it('counts down on the copied row, says when the clipboard was cleared, and names a copied header', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    await seed(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');

    // Long names keep most of their text at both sizes (they were cut to about 78 px, eight letters),
    // and the whole of it as a title. The favourite star before the name takes 20 px of the cell
    // (about 160 px are left at 1280, 112 at 1024).
    for (const [size, least] of [
      [VIEWPORT, 150],
      [SMALL, 105],
    ] as const) {
      await page.setViewportSize(size);
      const width = await nameWidth(page, 'Extracta document parsing');
      expect(width.title).toBe('Extracta document parsing');
      expect(width.shown, `the name column at ${size.width} px`).toBeGreaterThanOrEqual(least);
    }
    await page.setViewportSize(VIEWPORT);

    await rowAction(panel, 'Cerby admin console', 'Copy').click();
    const cerby = entryRow(panel, 'Cerby admin console');
    await cerby.getByText(/^Copied · clears in \d+ s$/).waitFor();
    await expect.poll(() => harnessClipboard(harness)).toBe(KEYS.cerby);
    await screenshotBothSizes(page, '300-vault-copy-countdown');

    await rowAction(panel, 'Internal gateway token', 'Copy as header').click();
    const gateway = entryRow(panel, 'Internal gateway token');
    await gateway.getByText(/^Copied X-Gateway-Token: •••• header · clears in \d+ s$/).waitFor();
    // The earlier row's notice went with its copy: the clipboard holds the header now.
    await expect.poll(() => harnessClipboard(harness)).toBe(`X-Gateway-Token: ${KEYS.gateway}`);
    await cerby.getByText(/Copied/).waitFor({ state: 'detached' });
    expect(await page.locator('body').textContent()).not.toContain(KEYS.gateway);
    await screenshotBothSizes(page, '301-vault-copy-header');

    // The shortest delay (5 s): main clears, and only then does the row say so.
    await call(harness, 'vaults:updateSettings', { clipboardClearSeconds: 5 });
    await rowAction(panel, LONG_NAME, 'Copy').click();
    const atfinity = entryRow(panel, LONG_NAME);
    await atfinity.getByText(/^Copied · clears in [1-5] s$/).waitFor();
    await atfinity.getByText('Clipboard cleared', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await harnessClipboard(harness)).toBe('');
    await screenshot(page, '302-vault-clipboard-cleared');
  });

  it('Delete offers Undo, which puts the key back with its value', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const ids = await seed(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');
    const name = 'Extracta document parsing';

    // Once per size: the offer lasts 8 s, one screenshot (with its axe-core checks) fits in it.
    for (const [size, shot] of [
      [VIEWPORT, '303-vault-undo-delete'],
      [SMALL, '303-vault-undo-delete-1024'],
    ] as const) {
      await page.setViewportSize(size);
      await rowAction(panel, name, 'Delete').click();
      const dialog = page.getByRole('dialog', { name: 'Delete key' });
      await dialog.getByRole('button', { name: 'Delete key' }).click();
      await dialog.waitFor({ state: 'detached' });
      await entryRow(panel, name).waitFor({ state: 'detached' });
      const toast = page.locator('.undo-toast', { hasText: `Deleted ${name}` });
      await toast.waitFor();
      await screenshot(page, shot);
      await toast.getByRole('button', { name: 'Undo' }).click();
      await entryRow(panel, name).waitFor();
      await toast.waitFor({ state: 'detached' });
      const revealed = await call<{ secret: string }>(harness, 'entries:reveal', { entryId: ids.get(name) });
      expect(revealed.secret).toBe(KEYS.extracta);
    }
  });

  it('Add key asks before Escape discards a typed key', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');
    await panel.getByRole('button', { name: 'Add key', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add key to Personal' });
    await dialog.getByLabel('Name', { exact: true }).fill('Pyas prod');
    await dialog.getByLabel('Key', { exact: true }).fill('pyas_live_9fK2mQ7xR4tB8vN1');
    await page.keyboard.press('Escape');
    await dialog.getByRole('alert').filter({ hasText: 'Discard the key you typed?' }).waitFor();
    await screenshotBothSizes(page, '304-vault-discard-typed-key');
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
