import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser';

/**
 * The user's steps for issuing, rotating, revoking and checking keys, in the words on the screen
 * (DESIGN.md §10 and the renderer's own labels). Every wait is on an element or a state of the page,
 * never on time: Playwright's locator actions wait for their element, and `waitFor` for a state.
 */

/** The choices of "Expiration time", as the select shows them. */
export type ExpirationLabel = '1 hour' | '12 hours' | '1 day' | '5 days' | '1 year' | 'Custom' | 'Never';

/** Any whole key as "Store your API key" reveals it: `<prefix>_<8 base62>.<≥32 base62>`. */
export const ANY_KEY = /^[a-z][a-z0-9]*_[0-9A-Za-z]{8}\.[0-9A-Za-z]{32,}$/;

export const STORED_LABEL = 'I have stored the key in a safe place';

/** What a page says once main has copied a secret: "Copied. The clipboard will be cleared in 30 s." */
export const COPIED_NOTICE = /^Copied\. The clipboard will be cleared in \d+ s\.$/;

export interface KeyDetails {
  name: string;
  /** Left as it is (1 year, the default) when not given. */
  expiration?: ExpirationLabel;
  /** For Custom: a local date (`2026-12-01`) and time (`14:30`). */
  custom?: { date: string; time: string };
}

export interface WizardInput extends KeyDetails {
  /** Scope names as the checkboxes show them ("Read items"); an empty list ticks "This key needs no scopes". */
  scopes: readonly string[];
  /** Also press Copy on "Store your API key" (and wait until it says main copied the key). */
  copy?: boolean;
  /** Screenshot names (`NN-name`) for the wizard's steps: details, scopes and store. */
  shots?: { details?: string; scopes?: string; store?: string };
}

export interface IssuedKey {
  plaintext: string;
  prefix: string;
  keyId: string;
  /** What the keys table shows in the Key column: `pyas_n58lZyBi…`. */
  chip: string;
}

/** The parts of a whole key, checked against the key format. */
export function issuedKey(plaintext: string): IssuedKey {
  expect(plaintext).toMatch(ANY_KEY);
  const prefix = plaintext.slice(0, plaintext.indexOf('_'));
  const keyId = plaintext.slice(prefix.length + 1, prefix.length + 9);
  return { plaintext, prefix, keyId, chip: `${prefix}_${keyId}…` };
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function wizardDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Generate API key' });
}

/** Toolbar → Generate API key; resolves on the first step with the name field ready. */
export async function openWizard(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Generate API key' }).click();
  const wizard = wizardDialog(page);
  await wizard.getByLabel('API key name').waitFor();
  return wizard;
}

/** Step 1: API key name and Expiration time (and the custom date and time). Does not press Next. */
export async function fillKeyDetails(wizard: Locator, details: KeyDetails): Promise<void> {
  await wizard.getByLabel('API key name').fill(details.name);
  if (details.expiration) await wizard.getByLabel('Expiration time').selectOption({ label: details.expiration });
  if (details.custom) {
    await wizard.getByLabel('Date', { exact: true }).fill(details.custom.date);
    await wizard.getByLabel('Time', { exact: true }).fill(details.custom.time);
  }
}

/** Next, then the "Select scopes" step. */
export async function goToScopes(wizard: Locator): Promise<void> {
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('heading', { name: 'Select scopes' }).waitFor();
}

/** A scope's checkbox, named by its label and identifier ("Read items read:items"). */
export function scopeBox(wizard: Locator, label: string): Locator {
  return wizard.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)} [a-z_]+:[a-z_]+$`) });
}

export function noScopesBox(wizard: Locator): Locator {
  return wizard.getByRole('checkbox', { name: 'This key needs no scopes' });
}

/** Ticks the scopes (or "This key needs no scopes" for an empty list). */
export async function selectScopes(wizard: Locator, scopes: readonly string[]): Promise<void> {
  if (scopes.length === 0) await noScopesBox(wizard).check();
  for (const label of scopes) await scopeBox(wizard, label).check();
}

/** Step 2's button, which generates the key: Next, as on Cerby's page. */
export function generateButton(wizard: Locator): Locator {
  return wizard.getByRole('button', { name: 'Next', exact: true });
}

/** Waits for "Store your API key" with its one-time warning, the key still masked. */
export async function waitForStorePage(dialog: Locator): Promise<void> {
  await dialog.getByRole('heading', { name: 'Store your API key' }).waitFor();
  await dialog
    .getByRole('note')
    .filter({ hasText: 'This is the only time you can view and copy this API key' })
    .waitFor();
}

/**
 * Show on "Store your API key", then the whole key as revealed. Works in the Generate and the Rotate
 * dialogs alike (both end on the same step).
 */
export async function readPlaintextFromStorePage(dialog: Locator): Promise<string> {
  const show = dialog.getByRole('button', { name: 'Show' });
  if ((await show.count()) > 0) await show.click();
  const revealed = dialog.getByLabel('API key', { exact: true });
  await revealed.waitFor();
  const plaintext = (await revealed.textContent())?.trim() ?? '';
  expect(plaintext).toMatch(ANY_KEY);
  return plaintext;
}

export function doneButton(dialog: Locator): Locator {
  return dialog.getByRole('button', { name: 'Done' });
}

/**
 * Save in vault on the store page, then the same button under "Save your API key in <vault>?" (Cerby);
 * resolves once the page says where the key went. Saving does not tick "I have stored the key".
 */
export async function saveInVaultConfirmed(dialog: Locator, vaultName: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Save in vault' }).click();
  const question = dialog.getByRole('group', { name: `Save your API key in ${vaultName}?` });
  await question.getByRole('button', { name: 'Save in vault' }).click();
  await dialog
    .getByRole('status')
    .filter({ hasText: `Saved in the vault "${vaultName}".` })
    .waitFor();
}

/** Ticks "I have stored the key in a safe place", presses Done, and waits for the dialog to go. */
export async function confirmStoredAndFinish(dialog: Locator): Promise<void> {
  await dialog.getByRole('checkbox', { name: STORED_LABEL }).check();
  await dialog.locator('button:enabled', { hasText: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * The whole wizard: details → Next → scopes → Next → Store your API key → Show (→ Copy) →
 * stored → Done. Returns the key as revealed; the row for it is in the table once this resolves.
 */
export async function generateKeyThroughWizard(page: Page, input: WizardInput): Promise<IssuedKey> {
  const wizard = await openWizard(page);
  await fillKeyDetails(wizard, input);
  if (input.shots?.details) await screenshot(page, input.shots.details);
  await goToScopes(wizard);
  await selectScopes(wizard, input.scopes);
  if (input.shots?.scopes) await screenshot(page, input.shots.scopes);
  await generateButton(wizard).click();
  await waitForStorePage(wizard);
  const key = issuedKey(await readPlaintextFromStorePage(wizard));
  if (input.copy) {
    await wizard.getByRole('button', { name: 'Copy' }).click();
    // Main copies (and clears the clipboard later); the page only says when.
    await wizard.getByRole('status').filter({ hasText: COPIED_NOTICE }).waitFor();
  }
  if (input.shots?.store) await screenshot(page, input.shots.store);
  await confirmStoredAndFinish(wizard);
  await keyRowByChip(page, key.chip).waitFor();
  return key;
}

/** A key's row in the keys table, by the public part the Key column shows (names repeat after a rotation). */
export function keyRowByChip(page: Page, chip: string): Locator {
  return page
    .getByRole('region', { name: /^API keys of / })
    .getByRole('row')
    .filter({ has: page.getByText(chip, { exact: true }) });
}

/** The row's cells in the table's column order. */
export const KEY_COLUMNS = ['name', 'key', 'scopes', 'created', 'expires', 'lastUsed', 'status', 'actions'] as const;

export function keyCell(row: Locator, column: (typeof KEY_COLUMNS)[number]): Locator {
  return row.getByRole('cell').nth(KEY_COLUMNS.indexOf(column));
}

/** The instant in a cell's `<time dateTime>` (Created, Expires, Last used), in milliseconds. */
export async function cellInstant(row: Locator, column: 'created' | 'expires' | 'lastUsed'): Promise<number> {
  const iso = await keyCell(row, column).locator('time').getAttribute('datetime');
  expect(iso, `a <time> in the ${column} cell`).toBeTruthy();
  return Date.parse(iso ?? '');
}

// --- Rotate and revoke ----------------------------------------------------------------------------

export type GraceLabel = 'Immediately' | '1 hour' | '24 hours' | '7 days';

/** Rotate on a key's row; resolves on the confirmation with its grace period choices. */
export async function openRotate(page: Page, key: IssuedKey): Promise<Locator> {
  await keyRowByChip(page, key.chip).getByRole('button', { name: 'Rotate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate API key' });
  await dialog.getByRole('group', { name: 'Keep the old key working for' }).waitFor();
  return dialog;
}

/** Rotate → grace period → Rotate key → the new key from "Store your API key" → stored → Done. */
export async function rotateKey(page: Page, key: IssuedKey, grace: GraceLabel): Promise<IssuedKey> {
  const dialog = await openRotate(page, key);
  await dialog.getByRole('radio', { name: grace }).check();
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  await waitForStorePage(dialog);
  const replacement = issuedKey(await readPlaintextFromStorePage(dialog));
  await confirmStoredAndFinish(dialog);
  await keyRowByChip(page, replacement.chip).waitFor();
  return replacement;
}

/** Revoke on a key's row → Revoke key; resolves once the row says Revoked. */
export async function revokeKey(page: Page, key: IssuedKey): Promise<void> {
  const row = keyRowByChip(page, key.chip);
  await row.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke API key' });
  await dialog.getByRole('button', { name: 'Revoke key' }).click();
  await dialog.waitFor({ state: 'detached' });
  // Ended keys are hidden from the table by default (issue 14): show them to see the key as Revoked.
  const showEnded = page.getByRole('checkbox', { name: /^Show revoked and rotated/ });
  await showEnded.waitFor();
  if (!(await showEnded.isChecked())) await showEnded.check();
  await keyCell(row, 'status').getByText('Revoked', { exact: true }).waitFor();
}

// --- Check a key --------------------------------------------------------------------------------

export type SchemeLabel = 'X-API-Key' | 'Api-Key' | 'Bearer';

export interface KeyCheck {
  scheme: SchemeLabel;
  /** The key alone (sent with `scheme`), or the header line or value a client sends: `x-api-key: <key>`, `Bearer <key>`… */
  headerValue: string;
  /** "Required scope" option as shown, e.g. "Read items (read:items)"; none when not given. */
  requiredScope?: string;
}

/** Toolbar → Check a key. */
export async function openCheckKey(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Check a key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check a key' });
  await dialog.getByLabel('Key or header line').waitFor();
  return dialog;
}

/**
 * Fills the form and presses Check; resolves with the result's title ("Valid ✓", "Malformed", …).
 * Changing an input clears the previous result (the dialog's own rule), and this waits for that before
 * pressing Check, so the result read afterwards cannot be a stale one.
 */
export async function checkKey(dialog: Locator, check: KeyCheck): Promise<string> {
  // Emptying the field first clears a previous result even when the new value is the same.
  const field = dialog.getByLabel('Key or header line');
  const scheme = dialog.getByLabel('Header scheme');
  await field.fill('');
  await field.fill(check.headerValue);
  // A header line (`Bearer …`) names its own scheme and disables the menu (the tests that pass a line
  // check what it decided); a bare key takes the scheme chosen. (Choosing first, on the emptied field,
  // once found the menu still disabled by the previous line under CI's load.)
  if (await scheme.isEnabled()) await scheme.selectOption({ label: check.scheme });
  await dialog.getByLabel('Required scope').selectOption({ label: check.requiredScope ?? 'None (any valid key)' });
  const result = dialog.getByRole('status').locator('.verify-result__title');
  await result.waitFor({ state: 'detached' });
  await dialog.getByRole('button', { name: 'Check', exact: true }).click();
  await result.waitFor();
  return (await result.textContent())?.trim() ?? '';
}

/** Closes "Check a key" with its Close button. */
export async function closeCheckKey(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await dialog.waitFor({ state: 'detached' });
}

/** A local date and time for the Custom expiration fields, `days` from now at `time` (browser and test share the clock and zone). */
export function localDateAt(days: number, time = '12:00'): { date: string; time: string; ms: number } {
  const at = new Date(Date.now() + days * 24 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return { date, time, ms: new Date(`${date}T${time}`).getTime() };
}
