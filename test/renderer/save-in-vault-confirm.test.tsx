// Cerby's "Save your API key in <vault>?" between Save in vault and the save, then the user still ticks the box.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { renderApp } from './support/render-app';
import { vaultNamed } from './support/transfer';
import { generateThroughUi } from './support/wizard';

const vaultSlot = (dialog: HTMLElement) => dialog.querySelector<HTMLElement>('[data-slot="vault"]')!;
const storedBox = (dialog: HTMLElement) =>
  within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' });

const withApps = {
  before: async (core: Core) => {
    await core.apps.create({ name: 'Pyas' });
    await core.vaults.vaults.createVault('Team');
  },
};

describe('Save in vault asks first', () => {
  it('asks "Save your API key in <vault>?"; Cancel saves nothing and gives the button back', async () => {
    const { user, core } = await renderApp(withApps);
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const slot = vaultSlot(dialog);
    await user.selectOptions(await within(slot).findByLabelText('Select vault'), 'Team');
    await user.click(within(slot).getByRole('button', { name: 'Save in vault' }));

    const question = within(slot).getByRole('group', { name: 'Save your API key in Team?' });
    expect(question).toHaveTextContent('The key is encrypted in this vault');
    const confirm = within(question).getByRole('button', { name: 'Save in vault' });
    expect(confirm).toHaveFocus();
    expect(within(slot).queryByLabelText('Select vault')).not.toBeInTheDocument();
    expect(core.vaults.entries.listEntries(vaultNamed(core, 'Team').id)).toEqual([]);

    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(within(slot).queryByRole('group')).not.toBeInTheDocument();
    expect(within(slot).getByRole('button', { name: 'Save in vault' })).toHaveFocus();
    expect(within(slot).getByLabelText('Select vault')).toHaveValue(vaultNamed(core, 'Team').id);
    expect(core.vaults.entries.listEntries(vaultNamed(core, 'Team').id)).toEqual([]);
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeDisabled();
  });

  it('saves on the second Save in vault; the user then ticks "I have stored the key" and Done closes', async () => {
    const { user, core } = await renderApp(withApps);
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const slot = vaultSlot(dialog);
    await user.click(await within(slot).findByRole('button', { name: 'Save in vault' }));
    const question = within(slot).getByRole('group', { name: 'Save your API key in Personal?' });
    await user.click(within(question).getByRole('button', { name: 'Save in vault' }));

    // Focus moves in an effect after the save's answer renders: wait for it, not only for the text.
    await waitFor(() => expect(within(slot).getByText('Saved in the vault "Personal".')).toHaveFocus());
    const [entry] = core.vaults.entries.listEntries(vaultNamed(core, 'Personal').id);
    expect(entry).toMatchObject({ name: 'Production', scheme: { kind: 'x-api-key' } });
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(storedBox(dialog)).not.toBeChecked();
    expect(done).toBeDisabled();

    await user.click(storedBox(dialog));
    await user.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
