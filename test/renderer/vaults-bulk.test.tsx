// The bulk bar (issue 14, item 6): ticked entries are moved or copied to another vault, tagged, or
// deleted with one Undo, through the real core; the page never holds a key on the way.
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { renderApp } from './support/render-app';
import { addEntry, dialogNamed, goToVaults, personal, rowNames, vaultButton } from './support/vaults';

/** Personal with four entries ("Pyas prod" with a previous key), and an empty "Team". */
async function seed(core: Core, options: { lockTeam?: boolean; teamHas?: string } = {}): Promise<void> {
  const id = personal(core).id;
  const pyas = await addEntry(core, id, {
    name: 'Pyas prod',
    secret: 'pyas-old',
    preset: 'pyas',
    tags: ['prod', 'legacy'],
  });
  await core.vaults.entries.updateEntry({ entryId: pyas.id, secret: 'pyas-new' });
  await addEntry(core, id, { name: 'Extracta', secret: 'ex-key', preset: 'extracta', tags: ['legacy'] });
  await addEntry(core, id, { name: 'nexos', secret: 'nx-key', preset: 'nexos-ai' });
  await addEntry(core, id, { name: 'Keep', secret: 'keep-key', tags: ['legacy'] });
  const team = await core.vaults.vaults.createVault('Team');
  if (options.teamHas) await addEntry(core, team.id, { name: options.teamHas, secret: 'team-own' });
  if (options.lockTeam) core.vaults.vaults.lock(team.id);
}

const team = (core: Core) => core.vaults.vaults.listVaults().find((v) => v.name === 'Team')!;
const entriesOf = (core: Core, vaultId: string) => core.vaults.entries.listEntries(vaultId);
const named = (core: Core, vaultId: string, name: string) => {
  const entry = entriesOf(core, vaultId).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
};
const secretOf = (core: Core, vaultId: string, name: string, version?: number) =>
  core.vaults.entries.reveal(named(core, vaultId, name).id, version).secret;

const bulkBar = (count: string) => within(screen.getByRole('group', { name: `${count} selected` }));

async function tick(user: UserEvent, ...names: string[]): Promise<void> {
  await screen.findByRole('table', { name: 'Entries of Personal' });
  for (const name of names) await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }));
}

/** Move or copy the ticked entries to the vault named `to` (the first other vault is chosen first). */
async function transfer(user: UserEvent, count: string, mode: 'Move' | 'Copy', submit: string): Promise<void> {
  await user.click(bulkBar(count).getByRole('button', { name: 'Move or copy' }));
  const dialog = within(dialogNamed(/^Move or copy keys?$/));
  await user.click(dialog.getByRole('radio', { name: mode }));
  await user.click(dialog.getByRole('button', { name: submit }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}

describe('The bulk bar', { timeout: 30_000 }, () => {
  it('appears with the count of ticked rows; Clear selection unticks them', async () => {
    const { user } = await renderApp({ before: (core) => seed(core) });
    await goToVaults(user);
    await tick(user, 'Pyas prod', 'Extracta');
    expect(bulkBar('2 keys').getByText('2 keys selected')).toBeInTheDocument();
    await tick(user, 'nexos');
    const bar = bulkBar('3 keys');
    expect(bar.getByText('3 keys selected')).toBeInTheDocument();
    for (const action of ['Move or copy', 'Tags', 'Delete selected'])
      expect(bar.getByRole('button', { name: action })).toBeEnabled();
    await user.click(bar.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('group', { name: /selected$/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Pyas prod' })).not.toBeChecked();
  });

  it('Tags adds a tag to each ticked entry and removes a ticked tag from them, and no other', async () => {
    const { user, core } = await renderApp({ before: (core) => seed(core) });
    await goToVaults(user);
    await tick(user, 'Pyas prod', 'Extracta', 'nexos');
    await user.click(bulkBar('3 keys').getByRole('button', { name: 'Tags' }));
    const dialog = within(dialogNamed('Tags of 3 keys'));
    await user.type(dialog.getByLabelText('Add tags'), 'ops');
    // "legacy (2 of 3)": the tag two of them have.
    await user.click(dialog.getByRole('checkbox', { name: 'legacy (2 of 3)' }));
    await user.click(dialog.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Tags added ops and removed legacy on 3 keys.')).toBeInTheDocument();

    const id = personal(core).id;
    const tags = (name: string) => [...named(core, id, name).tags].sort();
    expect(tags('Pyas prod')).toEqual(['ops', 'prod']);
    expect(tags('Extracta')).toEqual(['ops']);
    expect(tags('nexos')).toEqual(['ops']);
    expect(tags('Keep')).toEqual(['legacy']); // not ticked: untouched
  });

  it('Delete removes the ticked entries at once, and one Undo brings them all back', async () => {
    const { user, core } = await renderApp({ before: (core) => seed(core) });
    await goToVaults(user);
    await tick(user, 'Pyas prod', 'Extracta', 'nexos');
    await user.click(bulkBar('3 keys').getByRole('button', { name: 'Delete selected' }));
    const dialog = dialogNamed('Delete 3 entries');
    expect(dialog).toHaveTextContent('Delete “Pyas prod”, “Extracta”, “nexos” from this vault');
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 entries' }));
    const id = personal(core).id;
    await waitFor(() => expect(rowNames('Personal')).toEqual(['Keep']));
    expect(entriesOf(core, id).map((e) => e.name)).toEqual(['Keep']);
    const toast = screen.getByText('Deleted 3 keys').closest<HTMLElement>('.undo-toast')!;

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowNames('Personal')).toEqual(['Extracta', 'Keep', 'nexos', 'Pyas prod']));
    expect(screen.queryByText('Deleted 3 keys')).not.toBeInTheDocument();
    expect(secretOf(core, id, 'Pyas prod')).toBe('pyas-new');
    expect(secretOf(core, id, 'Pyas prod', 1)).toBe('pyas-old');
    expect(secretOf(core, id, 'Extracta')).toBe('ex-key');
    expect(secretOf(core, id, 'nexos')).toBe('nx-key');
    expect(document.body.textContent).not.toMatch(/pyas-(old|new)|ex-key|nx-key/);
  });

  it('Move takes the ticked entries to another vault, with their keys and history', async () => {
    const { user, core } = await renderApp({ before: (core) => seed(core) });
    await goToVaults(user);
    const id = personal(core).id;
    const before = named(core, id, 'Pyas prod').id;
    await tick(user, 'Pyas prod', 'Extracta');
    await transfer(user, '2 keys', 'Move', 'Move');
    expect(await screen.findByText('Moved 2 keys to Team.')).toBeInTheDocument();
    await waitFor(() => expect(rowNames('Personal')).toEqual(['Keep', 'nexos']));
    expect(screen.queryByRole('group', { name: /selected$/ })).not.toBeInTheDocument();

    const to = team(core).id;
    expect(
      entriesOf(core, id)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Keep', 'nexos']);
    expect(
      entriesOf(core, to)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Extracta', 'Pyas prod']);
    expect(named(core, to, 'Pyas prod').id).toBe(before); // moved, not copied
    expect(secretOf(core, to, 'Pyas prod')).toBe('pyas-new');
    expect(secretOf(core, to, 'Pyas prod', 1)).toBe('pyas-old');
    expect(secretOf(core, to, 'Extracta')).toBe('ex-key');
    await waitFor(() => expect(vaultButton('Team')).toHaveTextContent('2 entries'));
  });

  it('Copy leaves the originals and puts separate copies in the other vault', async () => {
    const { user, core } = await renderApp({ before: (core) => seed(core) });
    await goToVaults(user);
    await tick(user, 'nexos');
    await transfer(user, '1 key', 'Copy', 'Copy');
    expect(await screen.findByText('Copied 1 key to Team.')).toBeInTheDocument();

    const id = personal(core).id;
    const to = team(core).id;
    expect(rowNames('Personal')).toEqual(['Extracta', 'Keep', 'nexos', 'Pyas prod']);
    expect(entriesOf(core, id)).toHaveLength(4);
    const copy = named(core, to, 'nexos');
    expect(copy.id).not.toBe(named(core, id, 'nexos').id);
    expect(secretOf(core, to, 'nexos')).toBe('nx-key');
    expect(secretOf(core, id, 'nexos')).toBe('nx-key');
  });

  it('Move into a locked vault unlocks it first (one click without a passphrase), then moves', async () => {
    const { user, core } = await renderApp({ before: (core) => seed(core, { lockTeam: true }) });
    await goToVaults(user);
    await tick(user, 'Extracta');
    await user.click(bulkBar('1 key').getByRole('button', { name: 'Move or copy' }));
    const dialog = within(dialogNamed('Move or copy key'));
    expect(dialog.getByRole('option', { name: 'Team (locked)' })).toBeInTheDocument();
    expect(dialog.getByText(/^Team is locked: Keyhaven asks to unlock it first/)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Unlock and move' }));

    expect(await screen.findByText('Moved 1 key to Team.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Unlock Keyhaven' })).not.toBeInTheDocument();
    expect(team(core).locked).toBe(false);
    expect(secretOf(core, team(core).id, 'Extracta')).toBe('ex-key');
    await waitFor(() => expect(rowNames('Personal')).toEqual(['Keep', 'nexos', 'Pyas prod']));
  });

  it('a name taken in the target gets “(2)”, and the status says so', async () => {
    const { user, core } = await renderApp({ before: (core) => seed(core, { teamHas: 'Pyas prod' }) });
    await goToVaults(user);
    await tick(user, 'Pyas prod');
    await transfer(user, '1 key', 'Move', 'Move');
    expect(
      await screen.findByText('Moved 1 key to Team (1 key renamed: the name was taken there).'),
    ).toBeInTheDocument();
    const to = team(core).id;
    expect(
      entriesOf(core, to)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Pyas prod', 'Pyas prod (2)']);
    expect(secretOf(core, to, 'Pyas prod')).toBe('team-own');
    expect(secretOf(core, to, 'Pyas prod (2)')).toBe('pyas-new');
  });
});
