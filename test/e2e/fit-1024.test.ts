// Every screen works at 1024×640 (issue 14, item 13): no sideways scrolling, actions in view, tall dialogs scroll inside.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, VIEWPORT } from './support/browser';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { openAppCard } from './support/slice-steps';
import { goToVaults, openVault } from './support/vault-steps';

const SMALL = { width: 1024, height: 640 };

async function call<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** An app with keys of every kind a row can show: long names, Never, expiring soon, revoked, rotated. */
async function seedKeys(harness: HarnessProcess): Promise<void> {
  const app = await call<{ id: string }>(harness, 'apps:create', { name: 'Payments gateway' });
  const generate = (name: string, expiration: unknown) =>
    call<{ key: { id: string } }>(harness, 'keys:generate', {
      appId: app.id,
      name,
      expiration,
      scopes: ['read:items'],
    });
  await generate('Production payments gateway, EU region', { kind: 'preset', preset: '1y' });
  await generate('Nightly export job', { kind: 'never' });
  await generate('Staging smoke tests', { kind: 'preset', preset: '1h' });
  await generate('Partner sandbox', { kind: 'preset', preset: '5d' });
  const revoked = await generate('Old CI pipeline', { kind: 'preset', preset: '1y' });
  await call(harness, 'keys:revoke', { id: revoked.key.id });
  const rotated = await generate('Mobile app backend', { kind: 'preset', preset: '1y' });
  await call(harness, 'keys:rotate', { id: rotated.key.id, grace: '24h' });
}

/** Entries with long names, a custom header, tags and an expiry in the vault "Personal". */
async function seedEntries(harness: HarnessProcess): Promise<void> {
  const vaults = await call<{ id: string; name: string }[]>(harness, 'vaults:list', {});
  const vaultId = vaults.find((vault) => vault.name === 'Personal')?.id;
  const add = (entry: object) => call(harness, 'entries:add', { vaultId, ...entry });
  const inAYear = new Date(Date.now() + 365 * 24 * 3_600_000).toISOString();
  await add({ name: 'atfinity production (EU)', secret: 'atf.Xq82Lm3Nc7Vb0Pz5', preset: 'atfinity' });
  await add({ name: 'Cerby admin console', secret: 'cerby_Wb7Tq2Ls9Kd4Mh6', preset: 'cerby', tags: ['admin', 'ops'] });
  await add({
    name: 'Internal gateway token',
    secret: 'gw-token-55aa77cc99ee',
    service: 'Internal gateway',
    scheme: { kind: 'header', name: 'X-Gateway-Authorization-Token' },
    tags: ['internal', 'gateway', 'production'],
    expiresAt: inAYear,
  });
  await add({ name: 'Extracta document parsing', secret: 'ex_live_0a1b2c3d4e5f6a7b', preset: 'extracta' });
}

/** Neither the page nor its main column scrolls sideways. */
async function expectNoPageOverflow(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate<{ page: number[]; main: number[] }>(`({
    page: [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth],
    main: [document.querySelector('main').scrollWidth, document.querySelector('main').clientWidth],
  })`);
  expect(widths.page[0], `${where}: the page scrolls sideways`).toBeLessThanOrEqual(widths.page[1]!);
  expect(widths.main[0], `${where}: the main column scrolls sideways`).toBeLessThanOrEqual(widths.main[1]!);
}

/** The table's frame does not scroll sideways, and every button of its rows is inside it and the window. */
async function expectActionsInView(frame: Locator, rows: Locator, where: string): Promise<void> {
  const sizes = await frame.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(sizes[0], `${where}: the table scrolls sideways`).toBeLessThanOrEqual(sizes[1]!);
  const box = await frame.boundingBox();
  const buttons = await rows.getByRole('button').all();
  expect(buttons.length, `${where}: row buttons`).toBeGreaterThan(0);
  for (const button of buttons) {
    const name = (await button.getAttribute('title')) ?? (await button.textContent());
    const at = await button.boundingBox();
    expect(at, `${where}: ${name} is rendered`).not.toBeNull();
    expect(at!.x, `${where}: ${name} starts in the table`).toBeGreaterThanOrEqual(box!.x);
    expect(at!.x + at!.width, `${where}: ${name} ends in the table`).toBeLessThanOrEqual(box!.x + box!.width);
    expect(at!.x + at!.width, `${where}: ${name} ends in the window`).toBeLessThanOrEqual(SMALL.width);
  }
}

/** A screenshot in the dark theme (data-theme, as Settings sets it), for looking at; then back to System. */
async function screenshotDark(page: Page, name: string): Promise<void> {
  await page.evaluate("document.documentElement.dataset.theme = 'dark'");
  await screenshot(page, name);
  await page.evaluate('delete document.documentElement.dataset.theme');
}

describe('at 1024×640', () => {
  const e2e = useE2E();

  it('keeps the actions of the keys and entries tables in view, scrolls a tall dialog inside, and no screen sideways', async () => {
    const harness = await e2e.startHarness();
    await seedKeys(harness);
    await seedEntries(harness);
    const { page } = await e2e.open(harness);

    await openAppCard(page, 'Payments gateway');
    const keys = page.getByRole('region', { name: /keys/i });
    await keys.getByText('Production payments gateway, EU region').waitFor();
    await screenshot(page, '222-keys-table');
    await page.setViewportSize(SMALL);
    await expectNoPageOverflow(page, 'keys');
    await expectActionsInView(keys, keys.getByRole('row'), 'keys');
    await screenshot(page, '223-keys-table-1024');
    await screenshotDark(page, '227-keys-table-dark-1024');

    await goToVaults(page);
    const personal = await openVault(page, 'Personal');
    const entries = personal.getByRole('region', { name: 'Entries of Personal' });
    await entries.getByText('Internal gateway token').waitFor();
    await expectNoPageOverflow(page, 'vault entries');
    await expectActionsInView(entries, entries.getByRole('row'), 'vault entries');
    await screenshot(page, '224-vault-entries-1024');
    await screenshotDark(page, '228-vault-entries-dark-1024');

    // Add key: taller than the window; its body scrolls, its title and buttons stay in view.
    await personal.getByRole('button', { name: 'Add key' }).click();
    const dialog = page.getByRole('dialog', { name: /Add/ });
    await dialog.waitFor();
    const body = dialog.locator('.dialog__body');
    const scroll = await body.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(scroll[0], 'the dialog body is taller than its box').toBeGreaterThan(scroll[1]!);
    const dialogBox = await dialog.boundingBox();
    expect(dialogBox!.y).toBeGreaterThanOrEqual(0);
    expect(dialogBox!.y + dialogBox!.height).toBeLessThanOrEqual(SMALL.height);
    await expectNoPageOverflow(page, 'dialog');
    await screenshot(page, '225-add-key-dialog-1024');
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const footer = dialog.getByRole('button', { name: 'Cancel' });
    const footerBox = await footer.boundingBox();
    expect(footerBox!.y + footerBox!.height).toBeLessThanOrEqual(SMALL.height);
    await screenshot(page, '226-add-key-dialog-scrolled-1024');
    await screenshotDark(page, '229-add-key-dialog-dark-1024');
    await footer.click();
    await dialog.waitFor({ state: 'detached' });

    // The other screens: none scrolls sideways either.
    const nav = (name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
    await nav('Apps');
    await page.getByRole('list', { name: 'Apps' }).waitFor();
    await expectNoPageOverflow(page, 'Apps');
    await openAppCard(page, 'Payments gateway');
    for (const tab of ['Settings', 'Activity']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel').waitFor();
      await expectNoPageOverflow(page, `the app’s ${tab} tab`);
    }
    await nav('Console');
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await expectNoPageOverflow(page, 'Console');
    await nav('Activity');
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await expectNoPageOverflow(page, 'Activity');
    await nav('Settings');
    await page.getByRole('group', { name: 'Theme' }).waitFor();
    await expectNoPageOverflow(page, 'Settings');
    await page.setViewportSize(VIEWPORT);
  });
});
