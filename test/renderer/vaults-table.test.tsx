import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { VaultSummary } from '../../shared/domain/vault';
import { renderApp } from './support/render-app';
import { addEntry, bodyRows, entriesTable, goToVaults, personal, rowNames, rowOf } from './support/vaults';

// The transfer dialogs belong to another screen's work: stand-ins show what the Vaults screen passes.
vi.mock('../../renderer/src/features/vault-transfer/ExportVaultDialog', () => ({
  ExportVaultDialog: (props: { vault: VaultSummary; entryIds?: string[]; onClose: () => void }) => (
    <div role="dialog" aria-label="Export stand-in">
      <p data-testid="export-vault">{props.vault.name}</p>
      <p data-testid="export-ids">{props.entryIds ? props.entryIds.join(',') : 'all'}</p>
      <button type="button" onClick={props.onClose}>
        Close stand-in
      </button>
    </div>
  ),
}));
vi.mock('../../renderer/src/features/vault-transfer/ImportVaultDialog', () => ({
  ImportVaultDialog: (props: { vaults: VaultSummary[]; initialVaultId: string; onClose: () => void }) => (
    <div role="dialog" aria-label="Import stand-in">
      <p data-testid="import-vaults">{props.vaults.map((v) => v.name).join(',')}</p>
      <p data-testid="import-initial">{props.initialVaultId}</p>
    </div>
  ),
}));

const HOUR = 3_600_000;

/** Four entries that differ in every sortable column; "updated" follows the order they are added. */
async function seedFour(core: Core): Promise<void> {
  const id = personal(core).id;
  const soon = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
  await addEntry(core, id, { name: 'delta', secret: 'd', preset: 'pyas', tags: ['zeta'], expiresAt: soon(48) });
  await addEntry(core, id, {
    name: 'Alpha',
    secret: 'a',
    preset: 'custom',
    service: 'Billing API',
    scheme: { kind: 'query', name: 'api_key' },
    notes: 'Owned by the FINANCE team',
  });
  await addEntry(core, id, {
    name: 'charlie',
    secret: 'c',
    preset: 'atfinity',
    tags: ['alpha', 'ops'],
    expiresAt: soon(2),
  });
  await addEntry(core, id, {
    name: 'Bravo',
    secret: 'b',
    preset: 'nexos-ai',
    baseUrl: 'https://api.nexos.example',
  });
}

const header = (label: string) => within(entriesTable('Personal')).getByRole('columnheader', { name: label });

describe('The entries table', { timeout: 20_000 }, () => {
  it('sorts by every column, with aria-sort on the sorted header', async () => {
    const { user } = await renderApp({ before: seedFour });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(rowNames('Personal')).toEqual(['Alpha', 'Bravo', 'charlie', 'delta']);

    const sortBy = (label: string) => user.click(within(header(label)).getByRole('button'));
    await sortBy('Name');
    expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames('Personal')).toEqual(['delta', 'charlie', 'Bravo', 'Alpha']);

    await sortBy('Service');
    expect(header('Service')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Name')).not.toHaveAttribute('aria-sort');
    expect(rowNames('Personal')).toEqual(['charlie', 'Alpha', 'Bravo', 'delta']); // atfinity, Billing, nexos, Pyas

    await sortBy('Header scheme');
    expect(rowNames('Personal')).toEqual(['charlie', 'Bravo', 'Alpha', 'delta']); // Api-Key, Bearer, Query, X-API-Key

    await sortBy('Tags');
    expect(rowNames('Personal')).toEqual(['charlie', 'delta', 'Alpha', 'Bravo']); // untagged last, in added order

    await sortBy('Expires');
    expect(rowNames('Personal')).toEqual(['charlie', 'delta', 'Alpha', 'Bravo']); // 2 h, 48 h, then no expiry
    await sortBy('Expires');
    expect(header('Expires')).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames('Personal').slice(2)).toEqual(['delta', 'charlie']);

    await sortBy('Updated');
    expect(rowNames('Personal')).toEqual(['delta', 'Alpha', 'charlie', 'Bravo']);
  });

  it('keeps a long name whole in the row, with the full name as its title (the cell ends it with an ellipsis)', async () => {
    const name = 'Production payments gateway, EU region';
    const { user } = await renderApp({
      before: (core) => addEntry(core, personal(core).id, { name, secret: 'k', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    const cell = rowOf('Personal', name).querySelector('.entries-table__line');
    expect(cell).toHaveTextContent(name);
    // Before any hover: a title a pointer or a screen magnifier can always reach.
    expect(cell).toHaveAttribute('title', name);
  });

  it('searches name, service, tags, notes and base URL, ignoring case', async () => {
    const { user } = await renderApp({ before: seedFour });
    await goToVaults(user);
    const search = await screen.findByRole('searchbox', { name: 'Search entries' });
    const expectFound = async (text: string, names: string[]) => {
      await user.clear(search);
      await user.type(search, text);
      await waitFor(() => expect(rowNames('Personal')).toEqual(names));
    };
    await expectFound('CHARLIE', ['charlie']);
    await expectFound('billing', ['Alpha']); // service
    await expectFound('OPS', ['charlie']); // tag
    await expectFound('finance', ['Alpha']); // notes
    await expectFound('nexos.example', ['Bravo']); // base URL
    expect(screen.getByText('1 of 4 entries')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'nothing like this');
    const none = await screen.findByRole('region', { name: 'No entries match' });
    expect(screen.getByText('0 of 4 entries')).toBeInTheDocument();
    await user.click(within(none).getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(rowNames('Personal')).toHaveLength(4));
  });

  it('exports the ticked entries, or the whole vault when none is ticked', async () => {
    const { user, core } = await renderApp({ before: seedFour });
    await goToVaults(user);
    await screen.findByRole('table', { name: 'Entries of Personal' });
    const byName = new Map(core.vaults.entries.listEntries(personal(core).id).map((e) => [e.name, e.id]));
    const exportButton = () =>
      within(screen.getByRole('group', { name: 'Personal' })).getByRole('button', { name: 'Export' });

    await user.click(exportButton());
    expect(screen.getByTestId('export-vault')).toHaveTextContent('Personal');
    expect(screen.getByTestId('export-ids')).toHaveTextContent('all');
    await user.click(screen.getByRole('button', { name: 'Close stand-in' }));

    await user.click(within(rowOf('Personal', 'Bravo')).getByRole('checkbox', { name: 'Select Bravo' }));
    await user.click(within(rowOf('Personal', 'delta')).getByRole('checkbox', { name: 'Select delta' }));
    expect(screen.getByText('4 of 4 entries · 2 selected')).toBeInTheDocument();
    const selectAll = within(entriesTable('Personal')).getByRole('checkbox', { name: 'Select all' });
    expect(selectAll).toHaveProperty('indeterminate', true);
    expect(exportButton()).toHaveAccessibleDescription('Exports the 2 selected entries');
    await user.click(exportButton());
    expect(screen.getByTestId('export-ids').textContent!.split(',').sort()).toEqual(
      [byName.get('Bravo'), byName.get('delta')].sort(),
    );
    await user.click(screen.getByRole('button', { name: 'Close stand-in' }));

    // Select all ticks (and unticks) only what the search shows.
    const search = screen.getByRole('searchbox', { name: 'Search entries' });
    await user.type(search, 'ch');
    await waitFor(() => expect(rowNames('Personal')).toEqual(['charlie']));
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('1 of 4 entries · 3 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('1 of 4 entries · 2 selected')).toBeInTheDocument();
  });

  it('opens Import with every vault and the chosen one first', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await core.vaults.vaults.createVault('Team');
      },
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByTestId('import-vaults')).toHaveTextContent('Personal,Team');
    expect(screen.getByTestId('import-initial')).toHaveTextContent(personal(core).id);
  });

  it('renders only a window of 5,000 entries, and search still finds any one of them', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const id = personal(core).id;
        for (let i = 0; i < 5_000; i++) {
          await addEntry(core, id, {
            name: `Entry ${String(i).padStart(4, '0')}`,
            secret: `secret-${i}`,
            preset: i % 2 === 0 ? 'pyas' : 'extracta',
            tags: i % 10 === 0 ? ['tenth'] : [],
          });
        }
      },
    });
    await goToVaults(user);
    const table = await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(screen.getByText('5,000 of 5,000 entries')).toBeInTheDocument();
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const rendered = bodyRows('Personal');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(rowNames('Personal')[0]).toBe('Entry 0000');
    expect(screen.queryByText('Entry 3210')).not.toBeInTheDocument();

    // Scrolling moves the window instead of adding rows.
    const scroller = screen.getByRole('region', { name: 'Entries of Personal' });
    scroller.scrollTop = 52 * 3_000;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(rowNames('Personal')).toContain('Entry 3005'));
    expect(bodyRows('Personal').length).toBeLessThan(40);
    expect(rowNames('Personal')).not.toContain('Entry 0000');

    const search = screen.getByRole('searchbox', { name: 'Search entries' });
    await user.type(search, 'entry 3210');
    await waitFor(() => expect(rowNames('Personal')).toEqual(['Entry 3210']));
    expect(screen.getByText('1 of 5,000 entries')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'TENTH');
    await waitFor(() => expect(screen.getByText('500 of 5,000 entries')).toBeInTheDocument());
    expect(bodyRows('Personal').length).toBeLessThan(40);
  }, 120_000);
});
