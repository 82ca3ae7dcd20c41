import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { renderApp } from './support/render-app';
import {
  addEntry,
  chooseVault,
  dialogNamed,
  goToVaults,
  installBlobText,
  personal,
  revealThroughUi,
  rowNames,
  vaultButton,
} from './support/vaults';

const PASSPHRASE = 'violet tractor moonlight 93 harbor';

describe('Restoring a vault whose key is missing', { timeout: 20_000 }, () => {
  it('imports an export from the missing-key banner and shows the entries in the chosen vault', async () => {
    onTestFinished(installBlobText());
    let exported = '';
    const { user, core } = await renderApp({
      before: async (core, keychain) => {
        const team = await core.vaults.vaults.createVault('Team');
        await addEntry(core, team.id, { name: 'Pyas prod', secret: 'K-restored', preset: 'pyas' });
        await addEntry(core, team.id, { name: 'Extracta', secret: 'K-ex', preset: 'extracta' });
        // A cheap scrypt cost keeps the test fast; the file format is the same.
        const { file } = await core.vaults.transfer.exportVault(team.id, PASSPHRASE, { scryptN: 1024 });
        exported = file.toString('utf8');
        core.vaults.vaults.lockAll();
        keychain.entries.delete(vaultAccount(team.id));
      },
    });
    await goToVaults(user);
    await chooseVault(user, 'Team');
    await user.click(within(screen.getByRole('group', { name: 'Team' })).getByRole('button', { name: 'Unlock' }));
    const banner = (await screen.findByText('The key of the vault "Team" is missing')).closest<HTMLElement>(
      '[role="alert"]',
    )!;

    await user.click(within(banner).getByRole('button', { name: 'Import' }));
    const dialog = within(dialogNamed('Import vault'));
    await user.upload(dialog.getByLabelText('Export file'), new File([exported], 'team.khvault'));
    await user.selectOptions(dialog.getByLabelText('Import into'), 'Personal');
    await user.type(dialog.getByLabelText('Passphrase'), PASSPHRASE);
    await user.click(dialog.getByRole('button', { name: 'Open' }));
    await user.click(await dialog.findByRole('button', { name: 'Import' }));
    await user.click(await dialog.findByRole('button', { name: 'Done' }));

    // The screen shows the vault the entries went into, re-read from main.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await screen.findByRole('heading', { level: 2, name: 'Personal' });
    expect(vaultButton('Personal')).toHaveTextContent('2 entries');
    await waitFor(() => expect(rowNames('Personal')).toEqual(['Extracta', 'Pyas prod']));
    // Personal was locked before the import, and the import did not leave it open: unlock to show.
    expect(vaultButton('Personal')).toHaveTextContent('Locked');
    await user.click(within(screen.getByRole('group', { name: 'Personal' })).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('Unlocked'));
    expect(await revealThroughUi(user, 'Pyas prod')).toBe('K-restored');
    expect(core.vaults.entries.listEntries(personal(core).id)).toHaveLength(2);
  });
});
