import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { GeneratedKey } from '../../../shared/domain/issued-key';
import type { EntryView, NewEntryInput, VaultSummary } from '../../../shared/domain/vault';
import { generateInput } from '../../support/generate-input';

/** Opens the Vaults screen from the sidebar and waits for the vault list (or its empty state). */
export async function goToVaults(user: UserEvent): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Vaults' }));
  await waitFor(() =>
    expect(
      screen.queryByRole('navigation', { name: 'Vaults' }) ?? screen.queryByRole('region', { name: 'No vaults yet' }),
    ).toBeInTheDocument(),
  );
}

export const vaultList = () => screen.getByRole('navigation', { name: 'Vaults' });

/** A vault's button in the list: its name starts the accessible name ("Team, 3 entries, locked"). */
export const vaultButton = (name: string) => within(vaultList()).getByRole('button', { name: new RegExp(`^${name},`) });

export async function chooseVault(user: UserEvent, name: string): Promise<void> {
  await user.click(vaultButton(name));
  await screen.findByRole('heading', { level: 2, name });
}

/** The default vault made on first run. */
export const personal = (core: Core): VaultSummary => {
  const vault = core.vaults.vaults.listVaults().find((v) => v.name === 'Personal');
  if (!vault) throw new Error('no Personal vault');
  return vault;
};

/** Pyas with the key "Production", generated and saved in "Personal" through the real core. */
export function withIssuedKey(into: { key?: GeneratedKey }) {
  return async (core: Core) => {
    const app = await core.apps.create({ name: 'Pyas' });
    into.key = await core.issuing.generate(generateInput(app.id));
    await core.issuing.saveInVault(into.key.key.id, personal(core).id);
  };
}

/** Adds an external entry through the real core. */
export function addEntry(core: Core, vaultId: string, input: Omit<NewEntryInput, 'vaultId'>): Promise<EntryView> {
  return core.vaults.entries.addEntry({ vaultId, ...input });
}

export const entriesTable = (vaultName: string) => screen.getByRole('table', { name: `Entries of ${vaultName}` });
export const bodyRows = (vaultName: string) => within(entriesTable(vaultName)).getAllByRole('row').slice(1);
/** The names in the table, top to bottom (the Name cell is the second; the first holds the tick box). */
export const rowNames = (vaultName: string) =>
  bodyRows(vaultName).map((row) => row.querySelector('.entries-table__line')?.textContent);

export const dialogNamed = (name: string | RegExp) => screen.getByRole('dialog', { name });

export async function closeDialog(user: UserEvent, name: string | RegExp): Promise<void> {
  // The header's × and the footer's Close button close alike.
  await user.click(within(dialogNamed(name)).getAllByRole('button', { name: 'Close' })[0]!);
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}

/**
 * An entry's own page (Show on its row, Open in search), found by its heading: the page in the vault's
 * panel, in place of the table.
 */
export async function findEntryPage(entryName: string, wait?: { timeout: number }): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { level: 2, name: entryName }, wait);
  const page = heading.closest<HTMLElement>('.entry-page');
  if (!page) throw new Error(`the heading ${entryName} is not on an entry page`);
  return page;
}

/** Back from an entry's page (its "Back to <vault>" link): the vault's table is shown again. */
export async function backToTable(user: UserEvent, vaultName: string): Promise<void> {
  await user.click(screen.getByRole('button', { name: `Back to ${vaultName}` }));
  await screen.findByRole('table', { name: `Entries of ${vaultName}` });
}

/** Show an entry: its page opens with the key revealed; read the value there, go back to the table. */
export async function revealThroughUi(user: UserEvent, entryName: string): Promise<string> {
  await user.click(screen.getByRole('button', { name: `Show ${entryName}` }));
  const page = await findEntryPage(entryName);
  const value = await within(page).findByLabelText(`Key of ${entryName}`);
  const text = value.textContent ?? '';
  await user.click(within(page).getByRole('button', { name: /^Back to / }));
  await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: entryName })).not.toBeInTheDocument());
  return text;
}

export interface AddKeyFields {
  name: string;
  /** Pasted into the Key field, as a user pastes it. */
  key: string;
  /** The preset's label as the select shows it ("Pyas", "nexos.ai", "Custom"). */
  preset?: string;
  service?: string;
  /** The header scheme's label ("X-API-Key", "Custom header"…), picked after the preset. */
  scheme?: string;
  schemeName?: string;
  tags?: string;
  notes?: string;
  baseUrl?: string;
}

/** Fills Add key and submits it; resolves once the dialog has closed. */
export async function addKeyThroughUi(user: UserEvent, vaultName: string, fields: AddKeyFields): Promise<void> {
  const empty = screen.queryByRole('region', { name: 'This vault is empty' });
  await user.click(
    within(empty ?? screen.getByRole('group', { name: vaultName })).getByRole('button', { name: 'Add key' }),
  );
  const dialog = dialogNamed(`Add key to ${vaultName}`);
  const inDialog = within(dialog);
  await user.type(inDialog.getByLabelText('Name'), fields.name);
  await user.click(inDialog.getByLabelText('Key'));
  await user.paste(fields.key);
  if (fields.preset) await user.selectOptions(inDialog.getByLabelText('Service preset'), fields.preset);
  if (fields.service) await user.type(inDialog.getByLabelText('Service name'), fields.service);
  if (fields.scheme) await user.selectOptions(inDialog.getByLabelText('Header scheme'), fields.scheme);
  if (fields.schemeName) {
    await user.type(inDialog.getByLabelText(/^(Header|Parameter) name$/), fields.schemeName);
  }
  if (fields.baseUrl) await user.type(inDialog.getByLabelText('Base URL (optional)'), fields.baseUrl);
  if (fields.tags) await user.type(inDialog.getByLabelText('Tags (optional)'), fields.tags);
  if (fields.notes) await user.type(inDialog.getByLabelText('Notes (optional)'), fields.notes);
  await user.click(inDialog.getByRole('button', { name: 'Add key' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}

/** The row of an entry, by its name. */
export function rowOf(vaultName: string, entryName: string): HTMLElement {
  const rows = bodyRows(vaultName).filter(
    (row) => row.querySelector('.entries-table__line')?.textContent === entryName,
  );
  if (rows.length !== 1) throw new Error(`expected one row named ${entryName}, found ${rows.length}`);
  return rows[0]!;
}

/** jsdom's Blob has no text(), which the import dialog reads the chosen file with (as Chromium does). */
export function installBlobText(): () => void {
  if ('text' in Blob.prototype) return () => {};
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob) {
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsText(this);
      });
    },
  });
  return () => delete (Blob.prototype as { text?: unknown }).text;
}
