import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser';
import type { HarnessProcess } from './harness-process';
import { escapeRegExp } from './issuing-steps';

/**
 * Vaults in the browser harness: its test control routes (what Copy put on the clipboard, the OS
 * events that auto-lock) and the user's steps on the Vaults screen, in the words on the screen.
 */

// --- Harness control routes (test/harness/server.ts) --------------------------------------------

const TOKEN_HEADER = 'x-keyhaven-token';

/**
 * What main's Copy last put on the harness's clipboard (there is no OS clipboard here). Copy is done
 * by the time the page shows its "copied" notice, so read it after waiting for that.
 */
export async function harnessClipboard(harness: HarnessProcess): Promise<string> {
  // fetch sends `Host: 127.0.0.1:<port>` from the URL, which is what the harness accepts.
  const response = await fetch(`${harness.origin}/__harness/clipboard`, {
    headers: { [TOKEN_HEADER]: harness.controlToken },
  });
  if (response.status !== 200) throw new Error(`GET /__harness/clipboard answered ${response.status}`);
  const body = (await response.json()) as { text?: unknown };
  if (typeof body.text !== 'string') throw new Error('GET /__harness/clipboard: no text in the answer');
  return body.text;
}

export type PowerEvent = 'lock-screen' | 'suspend';

/** Fires the OS event (screen locked, machine going to sleep) that auto-locks every vault. */
export async function firePowerEvent(harness: HarnessProcess, event: PowerEvent): Promise<void> {
  const response = await fetch(`${harness.origin}/__harness/power/${event}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: harness.controlToken },
  });
  if (response.status !== 204) throw new Error(`POST /__harness/power/${event} answered ${response.status}`);
}

// --- Core state, read through the same RPC the page uses -----------------------------------------

export interface VaultState {
  id: string;
  name: string;
  entryCount: number;
  locked: boolean;
  keyMissing: boolean;
}

export async function listVaults(harness: HarnessProcess): Promise<VaultState[]> {
  const result = await harness.rpc<VaultState[]>('vaults:list');
  if (!result.ok) throw new Error(`vaults:list failed: ${result.error.message}`);
  return result.value;
}

export async function vaultByName(harness: HarnessProcess, name: string): Promise<VaultState> {
  const found = (await listVaults(harness)).find((vault) => vault.name === name);
  if (!found) throw new Error(`No vault named "${name}"`);
  return found;
}

export interface EntryState {
  id: string;
  name: string;
  service: string;
  kind: 'issued' | 'external';
  tags: string[];
  secretVersion: number;
  history: { version: number; replacedAt: string; keepUntil: string | null }[];
}

/** An entry's metadata as main has it (never its secret). */
export async function listEntries(harness: HarnessProcess, vaultId: string): Promise<EntryState[]> {
  const result = await harness.rpc<EntryState[]>('entries:list', { vaultId });
  if (!result.ok) throw new Error(`entries:list failed: ${result.error.message}`);
  return result.value;
}

// --- The Vaults screen ----------------------------------------------------------------------------

/** Sidebar → Vaults; resolves once the list of vaults (or the empty state) is on screen. */
export async function goToVaults(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Vaults' }).click();
  await page.getByRole('heading', { name: 'Vaults', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Vaults' }).or(page.getByText('No vaults yet')).waitFor();
}

/** A vault in the list, by name: its button's name reads "<name>, <n> entries, <state>". */
export function vaultListItem(page: Page, name: string): Locator {
  return page
    .getByRole('navigation', { name: 'Vaults' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}, `) });
}

/** The chosen vault's panel (a region named after the vault). */
export function vaultPanel(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Chooses a vault in the list; resolves once its panel shows its entries or its empty state. */
export async function openVault(page: Page, name: string): Promise<Locator> {
  await vaultListItem(page, name).click();
  const panel = vaultPanel(page, name);
  await panel.getByRole('heading', { name, exact: true, level: 2 }).waitFor();
  await panel
    .getByRole('region', { name: `Entries of ${name}` })
    .or(panel.getByText('This vault is empty'))
    .waitFor();
  return panel;
}

/** New vault → name → Create vault; the new vault is chosen once this resolves. */
export async function createVault(page: Page, name: string): Promise<Locator> {
  // The page header's (an empty screen has a second one in its empty state, after it).
  await page.getByRole('button', { name: 'New vault', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New vault' });
  await dialog.getByLabel('Vault name').fill(name);
  await dialog.getByRole('button', { name: 'Create vault' }).click();
  await dialog.waitFor({ state: 'detached' });
  const panel = vaultPanel(page, name);
  await panel.getByText('This vault is empty').waitFor();
  return panel;
}

/** The "Locked" / "Unlocked" badge next to the chosen vault's name. */
export async function waitForVaultState(panel: Locator, state: 'Locked' | 'Unlocked'): Promise<void> {
  await panel.locator('.vault-state').getByText(state, { exact: true }).waitFor();
}

/** The chosen vault's Unlock (or Lock) button in its header. */
export function lockToggle(panel: Locator, label: 'Lock' | 'Unlock'): Locator {
  return panel.getByRole('button', { name: label, exact: true });
}

// --- Entries ----------------------------------------------------------------------------------------

/** An entry's row, by its exact name (its checkbox is named "Select <name>"). */
export function entryRow(panel: Locator, name: string): Locator {
  return panel
    .getByRole('row')
    .filter({ has: panel.page().getByRole('checkbox', { name: `Select ${name}`, exact: true }) });
}

export function rowAction(
  panel: Locator,
  name: string,
  action: 'Show' | 'Copy' | 'Copy as header' | 'Edit' | 'Delete' | 'Unlock to show',
) {
  return entryRow(panel, name).getByRole('button', { name: `${action} ${name}`, exact: true });
}

/** An entry's page (Show on its row, Open in search), inside its vault's panel. */
export function entryPage(page: Page): Locator {
  return page.locator('.entry-page');
}

/** Show on an entry's row: the entry's page (headed with its name) with the key revealed. */
export async function showEntry(panel: Locator, name: string): Promise<{ entry: Locator; secret: string }> {
  await rowAction(panel, name, 'Show').click();
  const entry = entryPage(panel.page());
  await entry.getByRole('heading', { name, exact: true, level: 2 }).waitFor();
  const value = entry.getByLabel(`Key of ${name}`, { exact: true });
  await value.waitFor();
  return { entry, secret: (await value.textContent()) ?? '' };
}

/** Back from an entry's page to its vault's table. */
export async function closeEntryPage(entry: Locator): Promise<void> {
  await entry.getByRole('button', { name: /^Back to / }).click();
  await entry.waitFor({ state: 'detached' });
}

/** Closes a dialog with its footer's Close button (the title bar has one of the same name). */
export async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await dialog.waitFor({ state: 'detached' });
}

/** Show, read the revealed key, back to the table. */
export async function revealEntry(panel: Locator, name: string): Promise<string> {
  const { entry, secret } = await showEntry(panel, name);
  await closeEntryPage(entry);
  return secret;
}

export type PresetLabel = 'Pyas' | 'atfinity' | 'nexos.ai' | 'Cerby' | 'Extracta' | 'Custom';
export type SchemeChoice = 'X-API-Key' | 'Api-Key' | 'Bearer' | 'Custom header' | 'Query parameter';

export interface NewKey {
  name: string;
  /** What is pasted into Key: a bare key or a whole header line. */
  pasted: string;
  preset: PresetLabel;
  /** For Custom: the service's name, and a custom header. */
  service?: string;
  headerName?: string;
  tags?: string;
  /** The recognised-header notice to wait for after pasting (`Authorization: Bearer`, `x-api-key`). */
  recognised?: string;
  /** Screenshot names: the form filled, before Add key. */
  shot?: string;
}

/** The Add key button of the chosen vault: in its header, or in the empty state of an empty vault. */
export function addKeyButton(panel: Locator): Locator {
  return panel.getByRole('button', { name: 'Add key', exact: true });
}

/** Add key → the form → Add key; resolves once the entry's row is in the table. */
export async function addKey(page: Page, vaultName: string, key: NewKey): Promise<void> {
  const panel = vaultPanel(page, vaultName);
  await addKeyButton(panel).click();
  const dialog = page.getByRole('dialog', { name: `Add key to ${vaultName}` });
  await dialog.getByLabel('Name', { exact: true }).fill(key.name);
  await dialog.getByLabel('Service preset').selectOption({ label: key.preset });
  if (key.service !== undefined) await dialog.getByLabel('Service name').fill(key.service);
  if (key.headerName !== undefined) {
    await dialog.getByLabel('Header scheme').selectOption({ label: 'Custom header' });
    await dialog.getByLabel('Header name').fill(key.headerName);
  }
  if (key.tags !== undefined) await dialog.getByLabel('Tags (optional)').fill(key.tags);
  await dialog.getByLabel('Key', { exact: true }).fill(key.pasted);
  if (key.recognised) {
    await dialog
      .getByRole('status')
      .filter({ hasText: `Recognised ${key.recognised} ` })
      .waitFor();
  }
  if (key.shot) await screenshot(page, key.shot);
  await dialog.getByRole('button', { name: 'Add key', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await entryRow(panel, key.name).waitFor();
}

/**
 * Copy or Copy as header on an entry's row, then what main put on the harness clipboard. Waits for
 * the page's notice, then for the clipboard to hold `expected` (a copy of another key may precede it).
 */
export async function copyFromRow(
  harness: HarnessProcess,
  panel: Locator,
  name: string,
  format: 'Copy' | 'Copy as header',
  expected: string,
): Promise<void> {
  await rowAction(panel, name, format).click();
  // On the row: "Copied · clears in 30 s", or "Copied x-api-key: •••• header · clears in 30 s".
  const notice = format === 'Copy' ? /^Copied · clears in \d+ s$/ : /^Copied .+ (header|parameter) · clears in \d+ s$/;
  await entryRow(panel, name).getByText(notice).waitFor();
  await expect.poll(() => harnessClipboard(harness), { timeout: 10_000 }).toBe(expected);
}

// --- Edit, export and import ----------------------------------------------------------------------

/** Page header → Import → file, target vault and passphrase (does not press Open). */
export async function openImport(page: Page, file: string, into: string, passphrase: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import vault' });
  await dialog.getByLabel('Export file').setInputFiles(file);
  await dialog.getByLabel('Import into').selectOption({ label: into });
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  return dialog;
}

/** Edit on an entry's row → New key → Save changes. */
export async function editKey(page: Page, panel: Locator, name: string, newKey: string): Promise<void> {
  await rowAction(panel, name, 'Edit').click();
  const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await dialog.getByLabel('New key (optional)').fill(newKey);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await revealEntry(panel, name)).toBe(newKey);
}

/**
 * Export on the chosen vault's header → passphrase twice → Export; saves the page's download in `dir`
 * and closes the dialog. Returns the saved file's path.
 */
export async function exportVault(page: Page, panel: Locator, passphrase: string, dir: string): Promise<string> {
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export vault' });
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Confirm passphrase').fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await dialog
    .getByRole('status')
    .filter({ hasText: /^Exported \d+ entr(y|ies) to / })
    .waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
  return file;
}
