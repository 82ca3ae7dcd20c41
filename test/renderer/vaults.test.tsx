import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { addEntry, chooseVault, dialogNamed, goToVaults, personal, vaultButton, vaultList } from './support/vaults';

describe('The Vaults screen', { timeout: 20_000 }, () => {
  it('lists the default vault "Personal", empty, with an Add key call to action', async () => {
    const { user } = await renderApp();
    await goToVaults(user);
    expect(within(vaultList()).getAllByRole('button')).toHaveLength(1);
    expect(vaultButton('Personal')).toHaveTextContent('0 entries · Unlocked');
    expect(vaultButton('Personal')).toHaveAccessibleName('Personal, 0 entries, unlocked');
    expect(vaultButton('Personal')).toHaveAttribute('aria-current', 'true');
    const empty = screen.getByRole('region', { name: 'This vault is empty' });
    expect(within(empty).getByRole('button', { name: 'Add key' })).toBeEnabled();
  });

  it('shows "No vaults yet" with New vault when there is none', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.vaults.vaults.deleteVault(personal(core).id);
      },
    });
    await goToVaults(user);
    const empty = screen.getByRole('region', { name: 'No vaults yet' });
    await user.click(within(empty).getByRole('button', { name: 'New vault' }));
    await user.type(within(dialogNamed('New vault')).getByLabelText('Vault name'), 'Team');
    await user.click(within(dialogNamed('New vault')).getByRole('button', { name: 'Create vault' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Team' })).toBeInTheDocument();
  });

  it('creates a vault, refuses a duplicate name inline, and selects the new vault', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);

    await user.click(screen.getByRole('button', { name: 'New vault' }));
    const dialog = dialogNamed('New vault');
    await user.click(within(dialog).getByRole('button', { name: 'Create vault' }));
    expect(within(dialog).getByText('Vault name is required.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Vault name'), 'personal');
    await user.click(within(dialog).getByRole('button', { name: 'Create vault' }));
    const name = within(dialog).getByLabelText('Vault name');
    await waitFor(() => expect(name).toHaveAccessibleDescription(/A vault named "personal" already exists\./));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();

    await user.clear(name);
    await user.type(name, 'Team');
    await user.click(within(dialog).getByRole('button', { name: 'Create vault' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: 'Team' })).toBeInTheDocument();
    expect(vaultButton('Team')).toHaveAttribute('aria-current', 'true');
    expect(core.vaults.vaults.listVaults().map((v) => v.name)).toEqual(['Personal', 'Team']);
  });

  it('renames a vault', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const dialog = dialogNamed('Rename Personal');
    const field = within(dialog).getByLabelText('Vault name');
    expect(field).toHaveValue('Personal');
    await user.clear(field);
    await user.type(field, 'Home');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Home' })).toBeInTheDocument();
    expect(vaultButton('Home')).toBeInTheDocument();
    expect(core.vaults.vaults.listVaults().map((v) => v.name)).toEqual(['Home']);
  });

  it('deletes a vault after a confirmation that names how many entries go with it', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        const team = await core.vaults.vaults.createVault('Team');
        for (let i = 0; i < 12; i++) await addEntry(core, team.id, { name: `Key ${i}`, secret: `secret-${i}` });
      },
    });
    await goToVaults(user);
    expect(vaultButton('Team')).toHaveTextContent('12 entries');
    await chooseVault(user, 'Team');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = dialogNamed('Delete vault');
    expect(dialog).toHaveTextContent('Delete the vault "Team" and its 12 entries? This cannot be undone.');
    // A danger confirmation starts on Cancel; cancelling keeps everything.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(core.vaults.vaults.listVaults()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(dialogNamed('Delete vault')).getByRole('button', { name: 'Delete vault' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.vaults.vaults.listVaults().map((v) => v.name)).toEqual(['Personal']);
    expect(core.vaults.db.snapshot().entries).toHaveLength(0);
    expect(within(vaultList()).queryByRole('button', { name: /^Team/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Personal' })).toBeInTheDocument();
  });

  it('asks about an empty vault without counting entries', async () => {
    const { user } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(dialogNamed('Delete vault')).toHaveTextContent('Delete the vault "Personal"? This cannot be undone.');
  });
});
