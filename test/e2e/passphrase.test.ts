// Issue 14, item 1 "Locked means locked", in Chromium: the first-run offer, a Keyhaven passphrase set in
// Settings, Lock all, Unlock to show asking for it (a wrong one refused in place), the sidebar's
// countdown to auto-lock, and the passphrase removed again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORT, screenshot, screenshotBothSizes } from './support/browser';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { closeEntryPage, entryPage, goToVaults, listVaults, openVault, rowAction } from './support/vault-steps';

const PASSPHRASE = 'quiet orchard lantern 42';
const WRONG = 'quiet orchard lantern 24';
const SECRET = 'pyas_live_Passphrase0Guarded1Key2';

async function rpcOk<T>(harness: HarnessProcess, channel: string, input: unknown = {}): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const sidebarLockState = (page: Page) => page.getByTestId('lock-state');
const passphraseSection = (page: Page) => page.getByRole('region', { name: 'Keyhaven passphrase' });

async function goToSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await passphraseSection(page)
    .getByText(/^(On|Off):/)
    .waitFor();
}

describe('the Keyhaven passphrase', () => {
  const e2e = useE2E();

  it('is offered, set in Settings, asked for by Unlock to show (a wrong one refused), and removed', async () => {
    const harness = await e2e.startHarness();
    const [personal] = await listVaults(harness);
    await rpcOk(harness, 'entries:add', { vaultId: personal!.id, name: 'Pyas prod', preset: 'pyas', secret: SECRET });
    const { page, consoleMessages } = await e2e.open(harness);

    // The first-run offer, on the Vaults screen; the sidebar counts down to auto-lock.
    await goToVaults(page);
    await openVault(page, 'Personal');
    const offer = page.getByRole('note').filter({ hasText: 'Protect your vaults with a Keyhaven passphrase' });
    await offer.waitFor();
    await sidebarLockState(page)
      .filter({ hasText: /^1 vault unlocked · Locks in \d+:\d\d$/ })
      .waitFor();
    await screenshotBothSizes(page, '260-passphrase-offer');

    // Set in Settings: the dialog says what it protects; Set, and a notice.
    await goToSettings(page);
    await passphraseSection(page).getByText('a copy of the keychain item alone no longer opens them').waitFor();
    await passphraseSection(page).getByRole('button', { name: 'Set a passphrase…' }).click();
    const set = page.getByRole('dialog', { name: 'Set a Keyhaven passphrase' });
    await set.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await set.getByLabel('Type the new passphrase again', { exact: true }).fill(PASSPHRASE);
    await screenshot(page, '261-set-passphrase');
    await set.getByRole('button', { name: 'Set passphrase' }).click();
    await set.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Passphrase set. Unlock now asks for it.' }).waitFor();
    await passphraseSection(page)
      .getByText(/^On: Unlock asks for your passphrase\./)
      .waitFor();
    // The section is at the end of Settings: scrolled into view at each size.
    const notice = page.getByText('Passphrase set. Unlock now asks for it.');
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, '262-passphrase-settings');
    await page.setViewportSize({ width: 1024, height: 640 });
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, '262-passphrase-settings-1024');
    await page.setViewportSize(VIEWPORT);
    expect((await rpcOk<{ protection: string }>(harness, 'vaults:lockStatus')).protection).toBe('passphrase');

    // Lock all, from the sidebar; the offer was answered, so it is gone.
    await page.getByRole('button', { name: 'Lock all' }).click();
    await sidebarLockState(page).getByText('All vaults locked').waitFor();
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');
    expect(await offer.count()).toBe(0);
    expect(await rowAction(panel, 'Pyas prod', 'Show').count()).toBe(0);

    // Unlock to show: a wrong passphrase is refused in place, the field selected for another try.
    await rowAction(panel, 'Pyas prod', 'Unlock to show').click();
    const unlock = page.getByRole('dialog', { name: 'Unlock Keyhaven' });
    const field = unlock.getByLabel('Keyhaven passphrase');
    await field.fill(WRONG);
    await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
    await unlock.getByText('That is not your Keyhaven passphrase. Try again.').waitFor();
    // The focused field, and what of it is selected (run in the page, which has a DOM).
    const selection = await page.evaluate(
      '[document.activeElement.name, document.activeElement.selectionStart, document.activeElement.selectionEnd]',
    );
    expect(selection).toEqual(['passphrase', 0, WRONG.length]);
    expect((await listVaults(harness))[0]!.locked).toBe(true);
    await screenshotBothSizes(page, '263-unlock-wrong-passphrase');

    // The right one: the vault opens and the key is shown.
    await page.keyboard.type(PASSPHRASE); // over the selected wrong one
    await page.keyboard.press('Enter');
    const shown = entryPage(page);
    const value = shown.getByLabel('Key of Pyas prod', { exact: true });
    await value.waitFor();
    expect(await value.textContent()).toBe(SECRET);
    await sidebarLockState(page)
      .filter({ hasText: /^1 vault unlocked · Locks in \d+:\d\d$/ })
      .waitFor();
    await screenshot(page, '264-unlocked-key-shown');
    await closeEntryPage(shown);
    await screenshotBothSizes(page, '265-sidebar-countdown');

    // Remove it again in Settings: Unlock is one click once more.
    await goToSettings(page);
    await passphraseSection(page).getByRole('button', { name: 'Remove passphrase…' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove the Keyhaven passphrase' });
    await remove.getByLabel('Current passphrase').fill(PASSPHRASE);
    await remove.getByRole('button', { name: 'Remove passphrase' }).click();
    await remove.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Passphrase removed. Unlock no longer asks for one.' }).waitFor();
    await passphraseSection(page).getByRole('button', { name: 'Set a passphrase…' }).waitFor();
    expect((await rpcOk<{ protection: string }>(harness, 'vaults:lockStatus')).protection).not.toBe('passphrase');

    // The passphrase stayed in the dialogs: not in the page, its storage, or its console.
    const kept = await page.evaluate<string[]>(
      '[document.body.innerHTML, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]',
    );
    for (const text of [...kept, ...consoleMessages]) {
      expect(text).not.toContain(PASSPHRASE);
      expect(text).not.toContain(WRONG);
    }
  });
});
