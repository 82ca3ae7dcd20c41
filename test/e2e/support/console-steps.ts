import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser';
import type { HarnessProcess } from './harness-process';
import { entryRow, vaultPanel, type PresetLabel } from './vault-steps';

/**
 * The request console and Settings → Local test API in the browser harness (issue 5), in the words on
 * the screen (DESIGN.md §10 and the renderer's own labels). Every wait is on an element or a state of
 * the page, never on time. The servers the tests send to are in console-servers.ts; the searches for a
 * key that must not be kept, in console-secrets.ts.
 */

// --- The local test API through the harness ---------------------------------------------------------

const TEST_API_LINE = /local test API on (http:\/\/127\.0\.0\.1:\d+)/;

/** Waits for the harness's `local test API on http://127.0.0.1:<port>` line; returns that base URL. */
export async function testApiBaseUrl(harness: HarnessProcess): Promise<string> {
  await harness.waitForStderr('local test API on http://127.0.0.1:');
  const found = TEST_API_LINE.exec(harness.stderr())?.[1];
  if (!found) throw new Error('The harness did not say where the local test API listens.');
  return found;
}

// --- Navigation --------------------------------------------------------------------------------------

async function sidebar(page: Page, label: 'Apps' | 'Vaults' | 'Console' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();
}

/** Sidebar → Console; resolves on the Console heading with the request form. */
export async function goToConsole(page: Page): Promise<void> {
  await sidebar(page, 'Console');
  await page.getByRole('heading', { name: 'Console', level: 1 }).waitFor();
  await page.getByRole('form', { name: 'Request' }).waitFor();
}

/** Sidebar → Settings; resolves on its Local test API section, once it knows whether the API runs. */
export async function goToSettings(page: Page): Promise<Locator> {
  await sidebar(page, 'Settings');
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const section = page.getByRole('region', { name: 'Local test API' });
  await testApiState(section).waitFor();
  return section;
}

/** Sidebar → Apps; resolves on the list of apps. */
export async function goToApps(page: Page): Promise<void> {
  await sidebar(page, 'Apps');
  await page.getByRole('list', { name: 'Apps' }).waitFor();
}

// --- The request editor --------------------------------------------------------------------------------

export type RequestTab = 'Params' | 'Headers' | 'Body' | 'Auth';
export type ConsoleScheme = 'X-API-Key' | 'Api-Key' | 'Bearer' | 'Custom header' | 'Query parameter';

export function urlField(page: Page): Locator {
  return page.getByRole('form', { name: 'Request' }).getByLabel('URL', { exact: true });
}

export async function openRequestTab(page: Page, name: RequestTab): Promise<void> {
  await page.getByRole('tablist', { name: 'Request parts' }).getByRole('tab', { name, exact: true }).click();
}

/** The Code tab beside the response: the request's snippets. */
export async function openSnippets(page: Page): Promise<void> {
  await page
    .getByRole('tablist', { name: 'Response and code' })
    .getByRole('tab', { name: 'Code', exact: true })
    .click();
}

/** The line under Authentication saying where the key goes, masked ("Header: x-api-key: pyas_n58l…"). */
export function placementLine(page: Page): Locator {
  return page.getByLabel('Where the key will go', { exact: true });
}

/** Auth → Type or paste a key → the key → Header scheme. The key stays until the console is left. */
export async function useTypedKey(page: Page, key: string, scheme: ConsoleScheme): Promise<void> {
  await openRequestTab(page, 'Auth');
  await page.getByRole('radio', { name: 'Type or paste a key' }).check();
  await page.getByLabel('Key', { exact: true }).fill(key);
  await chooseScheme(page, scheme);
}

/** Auth tab's Header scheme; waits for the placement line to follow it. */
export async function chooseScheme(page: Page, scheme: ConsoleScheme): Promise<void> {
  await page.getByLabel('Header scheme', { exact: true }).selectOption({ label: scheme });
  const header = scheme === 'X-API-Key' ? 'x-api-key: ' : `Authorization: ${scheme} `;
  await placementLine(page).filter({ hasText: header }).waitFor();
}

// --- Send and the answer --------------------------------------------------------------------------------

export type SendOutcome =
  { kind: 'response'; status: string; body: string; region: Locator } | { kind: 'failed'; message: string };

const SEEN = 'data-e2e-seen';

export function responseRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Response', exact: true });
}

function failureBanner(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: 'The request was not completed' });
}

/**
 * Send, then the new answer: the Response region or the "not completed" banner. The answer already on
 * screen (from an earlier send) is marked first, so the one read here is the new one however fast it
 * comes (both are drawn anew after each send).
 */
export async function send(page: Page): Promise<SendOutcome> {
  // A string: this file is compiled without the DOM types.
  await page.evaluate(
    `document.querySelectorAll('[aria-label="Response"], [role="alert"]').forEach((el) => el.setAttribute('${SEEN}', ''))`,
  );
  await page.getByRole('form', { name: 'Request' }).getByRole('button', { name: 'Send', exact: true }).click();
  const fresh = page.locator(`:not([${SEEN}])`);
  const region = responseRegion(page).and(fresh);
  const failed = failureBanner(page).and(fresh);
  await region.or(failed).waitFor();
  if ((await failed.count()) > 0) {
    return {
      kind: 'failed',
      message: ((await failed.textContent()) ?? '').replace('The request was not completed', ''),
    };
  }
  const status = ((await region.getByLabel('Status', { exact: true }).textContent()) ?? '').trim();
  const body = (await region.getByLabel('Response body', { exact: true }).textContent()) ?? '';
  return { kind: 'response', status, body, region };
}

/** Send, expecting a response (not a failure); returns it. */
export async function sendForResponse(page: Page): Promise<Extract<SendOutcome, { kind: 'response' }>> {
  const outcome = await send(page);
  if (outcome.kind !== 'response') throw new Error(`Expected a response, the console said: ${outcome.message}`);
  return outcome;
}

/** The body's JSON as shown (pretty-printed text parses back to the same value). */
export function jsonOf(outcome: { body: string }): Record<string, unknown> {
  return JSON.parse(outcome.body) as Record<string, unknown>;
}

/**
 * A screenshot with `subject` scrolled into view in the app's own scroll area (the console is taller
 * than the window). The window itself is put back at the top, where a user's window stays.
 */
export async function screenshotOf(page: Page, name: string, subject: Locator): Promise<void> {
  await subject.scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

// --- Vault entries for the console -----------------------------------------------------------------------

export interface ConsoleEntryInput {
  name: string;
  key: string;
  preset: PresetLabel;
  baseUrl?: string;
  /** As typed in "Allowed hosts (optional)": `api.pyas.example, *.pyas.example`. */
  allowedHosts?: string;
}

/** Add key in a vault with the console's fields (Base URL, Allowed hosts); resolves once the row is there. */
export async function addConsoleEntry(page: Page, vaultName: string, input: ConsoleEntryInput): Promise<Locator> {
  const panel = vaultPanel(page, vaultName);
  await panel.getByRole('button', { name: 'Add key', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Add key to ${vaultName}` });
  await dialog.getByLabel('Name', { exact: true }).fill(input.name);
  await dialog.getByLabel('Service preset').selectOption({ label: input.preset });
  await dialog.getByLabel('Key', { exact: true }).fill(input.key);
  if (input.baseUrl !== undefined) await dialog.getByLabel('Base URL (optional)').fill(input.baseUrl);
  if (input.allowedHosts !== undefined) await dialog.getByLabel('Allowed hosts (optional)').fill(input.allowedHosts);
  await dialog.getByRole('button', { name: 'Add key', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = entryRow(panel, input.name);
  await row.waitFor();
  return row;
}

/**
 * The entry row's "Test this key": the console opens with the entry under Authentication. Resolves
 * once the Auth tab shows the entry chosen (by its "<vault> · <name>" option).
 */
export async function testThisKey(page: Page, vaultName: string, entryName: string): Promise<void> {
  await entryRow(vaultPanel(page, vaultName), entryName)
    .getByRole('button', { name: `Test this key ${entryName}`, exact: true })
    .click();
  await page.getByRole('heading', { name: 'Console', level: 1 }).waitFor();
  await openRequestTab(page, 'Auth');
  expect(await page.getByRole('radio', { name: 'Vault entry' }).isChecked()).toBe(true);
  // The Entry combobox shows the chosen entry as "<vault> · <name>".
  const label = JSON.stringify(`${vaultName} · ${entryName}`);
  await page.waitForFunction(`(document.querySelector('input[role="combobox"]')?.value ?? '').startsWith(${label})`);
  await placementLine(page).filter({ hasText: '(from the vault)' }).waitFor();
}

// --- Settings → Local test API ---------------------------------------------------------------------------

/** The section's running/off line ("The local test API is running on port 4567."). */
export function testApiState(section: Locator): Locator {
  return section.getByRole('status').filter({ hasText: /^The local test API is / });
}

export const TEST_API_OFF = 'The local test API is off.';
export const TEST_API_RUNNING = /^The local test API is running on port (\d+)\.$/;
