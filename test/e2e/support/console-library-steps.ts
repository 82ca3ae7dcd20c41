import type { Locator, Page } from 'playwright-core';

/**
 * The console's collections, environments, tabs and imports in the browser harness (issue 13), in the
 * words on the screen. Every wait is on an element or a state of the page, never on time.
 */

export function collectionsTree(page: Page): Locator {
  return page.getByRole('list', { name: 'Collections', exact: true });
}

/** A folder's list of children in the tree (folders are lists named after them). */
export function folderList(page: Page, name: string): Locator {
  return collectionsTree(page).getByRole('list', { name, exact: true });
}

/**
 * A row's own button in the tree (New folder in, Rename, Delete, Export …): they show when the row
 * is hovered or focused, as a pointer user finds them.
 */
export async function treeAction(page: Page, rowName: string, action: string): Promise<void> {
  await collectionsTree(page).getByRole('button', { name: rowName, exact: true }).hover();
  await collectionsTree(page).getByRole('button', { name: action, exact: true }).click();
}

/** Headers → Add header (when row `index` is not there yet) → its name and value. */
export async function setHeader(page: Page, index: number, name: string, value: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Request parts' }).getByRole('tab', { name: 'Headers', exact: true }).click();
  if ((await page.getByLabel(`Headers ${index} name`, { exact: true }).count()) === 0)
    await page.getByRole('button', { name: 'Add header', exact: true }).click();
  await page.getByLabel(`Headers ${index} name`, { exact: true }).fill(name);
  await page.getByLabel(`Headers ${index} value`, { exact: true }).fill(value);
}

export type VariableInput = { name: string; value: string } | { name: string; vaultKey: string };

/**
 * Edit environments → New environment → name and variables (a plain value, or a vault key chosen by
 * its "<vault> · <entry>" option) → Create. Leaves the dialog open on the new environment.
 */
export async function createEnvironment(page: Page, name: string, variables: VariableInput[]): Promise<Locator> {
  let dialog = page.getByRole('dialog', { name: 'Environments' });
  if ((await dialog.count()) === 0) {
    await page.getByRole('button', { name: 'Edit environments', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'Environments' });
  }
  await dialog.getByRole('button', { name: 'New environment', exact: true }).click();
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  for (const [index, variable] of variables.entries()) {
    await dialog.getByLabel(`Variable ${index + 1} name`, { exact: true }).fill(variable.name);
    if ('vaultKey' in variable)
      await dialog.getByLabel(`Variable ${index + 1}: a key from a vault`).selectOption({ label: variable.vaultKey });
    else await dialog.getByLabel(`Variable ${index + 1} value`, { exact: true }).fill(variable.value);
  }
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await dialog
    .getByRole('status')
    .filter({ hasText: `Saved ${name}.` })
    .waitFor();
  return dialog;
}

export async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await dialog.waitFor({ state: 'detached' });
}

/** The environment picker beside the tabs. */
export async function chooseEnvironment(page: Page, name: string): Promise<void> {
  await page.getByLabel('Environment', { exact: true }).selectOption({ label: name });
  await page
    .getByLabel('Environment', { exact: true })
    .locator('option:checked', { hasText: name })
    .waitFor({ state: 'attached' });
}

/** The request's variables as the chips under the URL show them (`{{apiKey}} (vault key)` …). */
export async function variableChips(page: Page): Promise<string[]> {
  return page.getByRole('group', { name: 'Variables in this request' }).locator('.console-variable').allTextContents();
}

/** The open requests' tab titles, with " ●" for one with unsaved changes. */
export async function tabTitles(page: Page): Promise<string[]> {
  const tabs = page.getByRole('list', { name: 'Open requests' }).getByRole('listitem');
  return Promise.all(
    (await tabs.all()).map(async (tab) => {
      const title = (await tab.locator('.console-tabs__title').textContent()) ?? '';
      return (await tab.getByRole('img', { name: 'unsaved changes' }).count()) > 0 ? `${title} ●` : title;
    }),
  );
}
