import { describe, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import { openRequestTab, sendForResponse, testApiBaseUrl, useTypedKey } from './support/console-steps';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { openAppCard } from './support/slice-steps';
import { goToVaults, listVaults } from './support/vault-steps';

async function rpcOk<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

interface Issued {
  key: { id: string };
  plaintext: string;
}

/** A data folder as a user has it after a week: two apps with keys, a used key, vault keys, a saved request. */
async function livedIn(harness: HarnessProcess): Promise<{ production: string }> {
  const pyas = await rpcOk<{ id: string }>(harness, 'apps:create', { name: 'Pyas', headerScheme: 'x-api-key' });
  await rpcOk(harness, 'apps:create', { name: 'atfinity', headerScheme: 'api-key', scopes: 'none' });
  const issue = (name: string, preset: string, scopes: string[]) =>
    rpcOk<Issued>(harness, 'keys:generate', {
      appId: pyas.id,
      name,
      expiration: { kind: 'preset', preset },
      scopes,
    });
  const production = await issue('Production', '1y', ['read:items', 'read:accounts']);
  await issue('CI pipeline', '5d', ['read:items']);
  await issue('Staging', '1y', ['read:items', 'write:integrations']);
  const base = await testApiBaseUrl(harness);
  for (let i = 0; i < 4; i += 1) {
    await fetch(`${base}/v1/whoami`, { headers: { 'x-api-key': production.plaintext } });
  }
  const [personal] = await listVaults(harness);
  const add = (name: string, secret: string, extra: Record<string, unknown> = {}) =>
    rpcOk(harness, 'entries:add', { vaultId: personal!.id, name, secret, ...extra });
  await add('Stripe live', 'Authorization: Bearer sk_live_R34dm3Scr33nsh0tK3y', { tags: ['payments', 'prod'] });
  await add('OpenAI', 'Authorization: Bearer sk-proj-R34dm3Scr33nsh0tK3yXyZ', { tags: ['ai'] });
  await add('Cerby admin', 'x-api-key: cerby_R34dm3Scr33nsh0tK3y01', { preset: 'cerby' });
  await add('nexos.ai gateway', 'nx_R34dm3Scr33nsh0tK3yAb', { preset: 'nexos-ai', tags: ['ai'] });
  await rpcOk(harness, 'console:save', {
    name: 'Who am I',
    request: { method: 'GET', url: `${base}/v1/whoami` },
  });
  return { production: production.plaintext };
}

/**
 * Issue 14, item 16: every main screen of a lived-in Keyhaven, pictured at both sizes for the README
 * (the 1280×800 pictures are copied to .github/readme/), each checked with axe-core in both themes.
 */
describe('the main screens, for the README', () => {
  const e2e = useE2E();

  it('Apps, API keys, a key’s page, Vaults, Search, Console, Activity and Settings', async () => {
    const harness = await e2e.startHarness({ args: ['--test-api-port', '0'] });
    const { production } = await livedIn(harness);
    const { page } = await e2e.open(harness);
    const sidebar = (name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

    await page
      .getByRole('list', { name: 'Apps' })
      .getByRole('button', { name: /^atfinity\b/ })
      .waitFor();
    await screenshotBothSizes(page, '330-main-apps');

    await openAppCard(page, 'Pyas');
    await page.getByRole('row').filter({ hasText: 'CI pipeline' }).waitFor();
    await screenshotBothSizes(page, '331-main-api-keys');

    await page.getByRole('row').filter({ hasText: 'Production' }).getByRole('button', { name: 'Production' }).click();
    await page.getByRole('img', { name: 'Bar chart of verifications per day over the last 30 days' }).waitFor();
    await screenshotBothSizes(page, '332-main-key-page');

    await goToVaults(page);
    await page.getByRole('row').filter({ hasText: 'Stripe live' }).waitFor();
    await page.getByRole('button', { name: 'Not now' }).click();
    await screenshotBothSizes(page, '333-main-vaults');

    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: 'Search Keyhaven' });
    await search.getByRole('combobox').fill('ai');
    await search.getByRole('option', { name: /^OpenAI Personal/ }).waitFor();
    await screenshotBothSizes(page, '334-main-search');
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'detached' });

    // The saved request, opened from the search, sent with a key typed into Auth.
    await page.keyboard.press('Control+k');
    await search.getByRole('combobox').fill('who am i');
    await search.getByRole('option', { name: /^Who am I GET/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Console', level: 1 }).waitFor();
    await openRequestTab(page, 'Auth');
    await useTypedKey(page, production, 'X-API-Key');
    await sendForResponse(page);
    await screenshotBothSizes(page, '335-main-console');

    await sidebar('Activity');
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    await page.getByText('This hour').first().waitFor();
    await screenshotBothSizes(page, '336-main-activity');

    await sidebar('Settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Keyhaven passphrase' }).waitFor();
    await screenshotBothSizes(page, '337-main-settings');
  });
});
