import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HarnessProcess } from './harness-process';

/**
 * The user's steps of the first slice, in the words on the screen (DESIGN.md §10). Playwright's locator
 * actions wait for their element; nothing here waits on time.
 */

/** `<prefix>_<8 base62>.<≥32 base62>`: a whole key, as the Store step reveals it. */
export const keyPattern = (prefix: string) => new RegExp(`^${prefix}_[0-9A-Za-z]{8}\\.[0-9A-Za-z]{32,}$`);

export async function createApp(page: Page, name: string, description = ''): Promise<void> {
  await page.getByRole('button', { name: '+ New App' }).click();
  const dialog = page.getByRole('dialog', { name: 'New App' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  if (description) await dialog.getByLabel('Description (optional)').fill(description);
  await dialog.getByRole('button', { name: 'Create app' }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function openAppCard(page: Page, name: string): Promise<void> {
  await page
    .getByRole('list', { name: 'Apps' })
    .getByRole('button', { name: new RegExp(`^${name}\\b`) })
    .click();
  await page.getByRole('tab', { name: 'API Keys' }).waitFor();
}

/** A new app "Pyas", opened on its API Keys tab, which has no keys yet. */
export async function appWithKeysTab(page: Page): Promise<void> {
  await createApp(page, 'Pyas');
  await openAppCard(page, 'Pyas');
  await page.getByText('No API keys yet').waitFor();
}

/** The keys table row of a key, found by the key's name. */
export function keyRow(page: Page, keyName: string) {
  return page.getByRole('table').getByRole('row').filter({ hasText: keyName });
}

/** Fails with the keychain's own message if the harness cannot reach a Secret Service. */
export async function expectKeychainAvailable(harness: HarnessProcess): Promise<void> {
  const status = await harness.rpc<{ keychain: { state: string; problem: string | null } }>('system:status');
  if (!status.ok) throw new Error(`system:status failed: ${status.error.message}`);
  expect(
    status.value.keychain.problem,
    'This test needs a real keychain: run it through `npm test`, which starts a private gnome-keyring.',
  ).toBeNull();
}
