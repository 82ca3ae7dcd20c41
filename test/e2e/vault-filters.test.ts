// Favourites and tag filters in Chromium (issue 14, item 4): the chips fit a 1024×640 window however
// many tags a vault has (they wrap; past a dozen the rest wait behind "+N more"), pressed chips and
// stars pass axe in both themes, and a star clicked on a row is saved by main.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { goToVaults, openVault } from './support/vault-steps';

const SMALL = { width: 1024, height: 640 };
const LONG_TAG = 'customer-facing-production-eu-west-billing-cluster';

async function call<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Three entries of "Personal" with 20 tags between them (one of 50 characters), one starred. */
async function seed(harness: HarnessProcess): Promise<string> {
  const vaults = await call<{ id: string; name: string }[]>(harness, 'vaults:list', {});
  const vaultId = vaults.find((vault) => vault.name === 'Personal')!.id;
  const add = (entry: object) => call(harness, 'entries:add', { vaultId, ...entry });
  const teams = Array.from({ length: 16 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
  await add({
    name: 'Pyas production',
    secret: 'pyas_live_1',
    preset: 'pyas',
    tags: ['prod', 'eu', ...teams.slice(0, 8)],
  });
  await add({
    name: 'Pyas staging',
    secret: 'pyas_test_2',
    preset: 'pyas',
    tags: ['staging', 'eu', ...teams.slice(8)],
  });
  await add({
    name: 'atfinity billing',
    secret: 'atf.3',
    preset: 'atfinity',
    tags: ['prod', LONG_TAG],
    favorite: true,
  });
  return vaultId;
}

/** Neither the page nor its main column scrolls sideways, nor the chips' own row. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate<Record<string, number[]>>(`({
    page: [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth],
    main: [document.querySelector('main').scrollWidth, document.querySelector('main').clientWidth],
    chips: [document.querySelector('.entry-filters').scrollWidth, document.querySelector('.entry-filters').clientWidth],
  })`);
  for (const [part, [scroll, client]] of Object.entries(widths)) {
    expect(scroll, `${where}: ${part} scrolls sideways`).toBeLessThanOrEqual(client!);
  }
}

describe('vaults: favourites and tag filters', () => {
  const e2e = useE2E();

  it('fits many tags at 1024×640, passes axe with chips pressed in both themes, and saves a star', async () => {
    const harness = await e2e.startHarness();
    const vaultId = await seed(harness);
    const { page } = await e2e.open(harness);
    await page.setViewportSize(SMALL);
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');
    const chips = panel.getByRole('group', { name: 'Show only' });

    // 20 tags: the first dozen, then "+8 more".
    const more = chips.getByRole('button', { name: '+8 more tags' });
    await more.waitFor();
    await expectNoSidewaysScroll(page, 'folded');
    await more.click();
    await chips.getByRole('button', { name: `${LONG_TAG} 1 entry` }).waitFor();
    await expectNoSidewaysScroll(page, 'expanded');

    await chips.getByRole('button', { name: 'prod 2 entries' }).click();
    await chips.getByRole('button', { name: 'eu 2 entries' }).click();
    await panel.getByText('1 of 3 entries').waitFor();
    await panel.getByText('An entry must have every chosen tag').waitFor();
    await screenshot(page, '310-vault-filters-1024');
    await page.evaluate("document.documentElement.dataset.theme = 'dark'");
    await screenshot(page, '311-vault-filters-dark-1024');
    await page.evaluate('delete document.documentElement.dataset.theme');

    const star = panel.getByRole('button', { name: 'Favourite Pyas production' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    const entries = await call<Array<{ name: string; favorite: boolean }>>(harness, 'entries:list', { vaultId });
    expect(entries.filter((e) => e.favorite).map((e) => e.name)).toEqual(['Pyas production', 'atfinity billing']);

    await chips.getByRole('button', { name: 'Clear filters' }).click();
    await chips.getByRole('button', { name: 'Favourites 2 entries' }).click();
    await panel.getByText('2 of 3 entries').waitFor();
    await screenshot(page, '312-vault-favourites-1024');
  });
});
