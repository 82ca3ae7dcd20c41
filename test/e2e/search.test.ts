import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import { goToConsole, openRequestTab, urlField } from './support/console-steps';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { harnessClipboard, listVaults } from './support/vault-steps';

const STRIPE = 'sk_live_E2eS34rchP4l3tt3K3yZq';

async function rpcOk<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Pyas with a key, Stripe and Stripe staging in two vaults (Team locked), and a saved request. */
async function livedIn(harness: HarnessProcess): Promise<void> {
  const app = await rpcOk<{ id: string }>(harness, 'apps:create', { name: 'Pyas' });
  await rpcOk(harness, 'keys:generate', {
    appId: app.id,
    name: 'Production',
    expiration: { kind: 'never' },
    scopes: [],
    noScopes: true,
  });
  const [personal] = await listVaults(harness);
  await rpcOk(harness, 'entries:add', {
    vaultId: personal!.id,
    name: 'Stripe',
    secret: `Authorization: Bearer ${STRIPE}`,
    tags: ['prod', 'payments'],
  });
  const team = await rpcOk<{ id: string }>(harness, 'vaults:create', { name: 'Team' });
  await rpcOk(harness, 'entries:add', {
    vaultId: team.id,
    name: 'Stripe staging',
    secret: 'sk_test_E2eT34mK3yV4lu3Xx',
  });
  await rpcOk(harness, 'vaults:lock', { vaultId: team.id });
  await rpcOk(harness, 'console:save', {
    name: 'List payments',
    request: { method: 'GET', url: 'https://api.stripe.example/v1/payments' },
  });
}

/**
 * Issue 14, item 4: Ctrl+K searches apps, keys, vault entries (a locked vault's too) and saved
 * requests in the built renderer; Enter copies an entry in main; the console's entry picker narrows as
 * one types.
 */
describe('one search across everything', () => {
  const e2e = useE2E();

  it('Ctrl+K finds entries of every vault, copies in main, and opens a saved request in the console', async () => {
    const harness = await e2e.startHarness();
    await livedIn(harness);
    const { page } = await e2e.open(harness);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Search Keyhaven' });
    const field = dialog.getByRole('combobox', { name: 'Apps, API keys, vault entries and saved requests' });
    await field.fill('stripe');
    await dialog.getByRole('option', { name: /^Stripe staging Team.* Locked$/ }).waitFor();
    await dialog.getByText('3 results.').waitFor();
    await screenshotBothSizes(page, '320-search-results');

    await page.keyboard.press('Enter');
    await dialog.getByText(/^Copied Stripe\. The clipboard will be cleared in \d+ s\.$/).waitFor();
    expect(await harnessClipboard(harness)).toBe(STRIPE);
    expect(await page.content()).not.toContain(STRIPE);
    await screenshotBothSizes(page, '321-search-copied');

    await field.fill('payments get');
    await dialog.getByRole('option', { name: /^List payments GET / }).waitFor();
    // The first result is highlighted as soon as it shows: Enter runs its action.
    await dialog.getByRole('option', { name: /^List payments/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Console', level: 1 }).waitFor();
    expect(await urlField(page).inputValue()).toBe('https://api.stripe.example/v1/payments');
  });

  it('the console’s Entry combobox narrows as one types and chooses with Enter', async () => {
    const harness = await e2e.startHarness();
    await livedIn(harness);
    const { page } = await e2e.open(harness);
    await goToConsole(page);
    await openRequestTab(page, 'Auth');
    await page.getByRole('radio', { name: 'Vault entry' }).check();
    const entry = page.getByRole('combobox', { name: 'Entry', exact: true });
    await entry.fill('team');
    const list = page.getByRole('listbox', { name: 'Entry' });
    await list.getByRole('option', { name: 'Team · Stripe staging (locked)' }).waitFor();
    expect(await list.getByRole('option').count()).toBe(1);
    await screenshotBothSizes(page, '322-console-entry-combobox');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await entry.inputValue()).toBe('Team · Stripe staging (locked)');
    await page.getByText('Unlock the vault to send its key.').waitFor();
  });
});
