import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { renderApp } from './support/render-app';
import {
  addEntry,
  chooseVault,
  dialogNamed,
  findEntryPage,
  goToVaults,
  personal,
  revealThroughUi,
  rowOf,
  vaultButton,
} from './support/vaults';

const LOCKED_HINT =
  'This vault is locked. Its names and details stay visible; unlock it to show, copy, add or export keys.';

/** "Team" with two entries, then every vault locked, as after a restart. */
async function seedLockedTeam(core: Core): Promise<string> {
  const team = await core.vaults.vaults.createVault('Team');
  await addEntry(core, team.id, { name: 'Pyas prod', secret: 'K-team', preset: 'pyas', tags: ['prod'] });
  await addEntry(core, team.id, { name: 'Extracta', secret: 'K-ex', preset: 'extracta' });
  core.vaults.vaults.lockAll();
  return team.id;
}

const group = (vault: string) => within(screen.getByRole('group', { name: vault }));

afterEach(() => {
  vi.useRealTimers();
});

describe('Locking vaults', { timeout: 20_000 }, () => {
  it('Lock keeps names and metadata listed, offers Unlock to show instead of Show and Copy; Unlock brings them back', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas', tags: ['prod'] });
    act(() => core.events.emit('data:changed', { parts: ['vaults'] })); // as main says after another process wrote
    await screen.findByRole('button', { name: 'Show Pyas prod' });

    await user.click(group('Personal').getByRole('button', { name: 'Lock' }));
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('1 entry · Locked'));
    expect(core.vaults.vaults.listVaults()[0]!.locked).toBe(true);
    const row = rowOf('Personal', 'Pyas prod');
    expect(row).toHaveTextContent('Pyas');
    expect(row).toHaveTextContent('prod');
    for (const action of ['Show', 'Copy', 'Copy as header']) {
      expect(within(row).queryByRole('button', { name: `${action} Pyas prod` })).not.toBeInTheDocument();
    }
    expect(within(row).getByRole('button', { name: 'Unlock to show Pyas prod' })).toBeEnabled();
    expect(screen.getByText(LOCKED_HINT)).toBeInTheDocument();
    expect(group('Personal').getByRole('button', { name: 'Add key' })).toBeDisabled();
    expect(group('Personal').getByRole('button', { name: 'Export' })).toBeDisabled();

    // Metadata edits work while locked; the key cannot be replaced.
    await user.click(within(row).getByRole('button', { name: 'Edit Pyas prod' }));
    const dialog = within(dialogNamed('Edit Pyas prod'));
    expect(dialog.queryByLabelText('New key (optional)')).not.toBeInTheDocument();
    expect(dialog.getByText(/^The vault is locked: you can change the details, but not the key\./)).toBeInTheDocument();
    await user.type(dialog.getByLabelText('Notes (optional)'), 'billing account');
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.vaults.entries.listEntries(personal(core).id)[0]!.notes).toBe('billing account');

    await user.click(group('Personal').getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('1 entry · Unlocked'));
    expect(screen.queryByText(LOCKED_HINT)).not.toBeInTheDocument();
    expect(await revealThroughUi(user, 'Pyas prod')).toBe('K1');
  });

  it('Lock all locks every vault', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await core.vaults.vaults.createVault('Team');
      },
    });
    await goToVaults(user);
    expect(core.vaults.vaults.listVaults().every((v) => !v.locked)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Lock all' }));
    await waitFor(() => expect(vaultButton('Team')).toHaveTextContent('Locked'));
    expect(vaultButton('Personal')).toHaveTextContent('Locked');
    expect(core.vaults.vaults.listVaults().every((v) => v.locked)).toBe(true);
    expect(screen.getByRole('button', { name: 'Lock all' })).toBeDisabled();
  });

  it('hides a shown key as soon as main locks on a screen lock (vaults:locked)', async () => {
    const { user, platform } = await renderApp({
      before: (core) =>
        addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K-screen', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Show Pyas prod' }));
    const page = within(await findEntryPage('Pyas prod'));
    expect(await page.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-screen');

    // Main locks on its own and says so (vaults:locked): the open page hides the key at once.
    act(() => platform.emit('lock-screen'));
    await waitFor(() => expect(page.queryByLabelText('Key of Pyas prod')).not.toBeInTheDocument());
    expect(document.body.textContent).not.toContain('K-screen');
    expect(page.getByText('Personal is locked: the key is hidden until you unlock it.')).toBeInTheDocument();
    expect(page.getByRole('button', { name: 'Show' })).toBeDisabled();
    expect(page.queryByRole('button', { name: 'Copy' })).not.toBeInTheDocument();
    expect(page.queryByRole('button', { name: 'Copy as header' })).not.toBeInTheDocument();
    expect(page.getByRole('button', { name: 'Unlock to show' })).toBeEnabled();
  });

  it('re-reads the list when a call answers LOCKED (main locked on its own)', async () => {
    const { user, core } = await renderApp({
      before: (core) => addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    core.vaults.vaults.lockAll(); // idle auto-lock, unseen by the screen
    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'The vault "Personal" is locked. Unlock it first.',
      ),
    );
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('Locked'));
    expect(screen.getByRole('button', { name: 'Unlock to show Pyas prod' })).toBeInTheDocument();
  });

  it('shows a lock made by main on its own (screen lock) at once, told by vaults:locked: no polling', async () => {
    const { user, platform } = await renderApp();
    await goToVaults(user);
    expect(vaultButton('Personal')).toHaveTextContent('Unlocked');
    act(() => platform.emit('lock-screen'));
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('Locked'));
  });
});

describe('When the keychain cannot unlock a vault', () => {
  it('explains an unavailable keychain, keeps the vault locked and listed, and unlocks once it is back', async () => {
    const { user, keychain } = await renderApp({ before: (core) => seedLockedTeam(core).then() });
    await goToVaults(user);
    await chooseVault(user, 'Team');
    keychain.unavailable = true;
    await user.click(group('Team').getByRole('button', { name: 'Unlock' }));

    const banner = await screen.findByText('The keychain is unavailable');
    const alert = banner.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveTextContent('your vaults stay locked. Nothing is lost');
    expect(alert).toHaveTextContent('test: no Secret Service');
    expect(vaultButton('Team')).toHaveTextContent('2 entries · Locked');
    expect(vaultButton('Team')).toHaveAccessibleName('Team, 2 entries, locked');
    expect(rowOf('Team', 'Pyas prod')).toHaveTextContent('Pyas');
    expect(screen.getByRole('button', { name: 'Unlock to show Pyas prod' })).toBeInTheDocument();

    keychain.unavailable = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(vaultButton('Team')).toHaveTextContent('2 entries · Unlocked'));
    expect(screen.queryByText('The keychain is unavailable')).not.toBeInTheDocument();
    expect(await revealThroughUi(user, 'Pyas prod')).toBe('K-team');
  });

  it("says only what it means for vaults when the app-wide banner already gives the keychain's advice", async () => {
    const { user } = await renderApp({
      before: async (core, keychain) => {
        await seedLockedTeam(core);
        keychain.unavailable = true; // from the start: the app-wide banner is up
      },
    });
    const shell = screen.getByText('The system keychain is unavailable').closest<HTMLElement>('[role="alert"]')!;
    expect(shell).toHaveTextContent('test: no Secret Service');
    await goToVaults(user);
    await chooseVault(user, 'Team');
    await user.click(group('Team').getByRole('button', { name: 'Unlock' }));

    const title = await screen.findByText('The keychain is unavailable');
    const alert = title.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveTextContent(
      'Your vaults stay locked until it is back. Nothing is lost: names and details stay listed, and the keys stay encrypted on disk.',
    );
    expect(alert).not.toHaveTextContent('test: no Secret Service');
    expect(alert).not.toHaveTextContent('Keyhaven cannot');
    expect(screen.getAllByText(/test: no Secret Service/)).toHaveLength(1); // the app-wide banner's
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(vaultButton('Team')).toHaveTextContent('2 entries · Locked');
  });

  it('names the vault whose key is missing from the keychain, and keeps its entries', async () => {
    let teamId = '';
    const { user, core } = await renderApp({
      before: async (core, keychain) => {
        teamId = await seedLockedTeam(core);
        keychain.entries.delete(vaultAccount(teamId)); // a data folder copied from another computer
      },
    });
    await goToVaults(user);
    await chooseVault(user, 'Team');
    await user.click(group('Team').getByRole('button', { name: 'Unlock' }));

    const title = await screen.findByText('The key of the vault "Team" is missing');
    const alert = title.closest<HTMLElement>('[role="alert"]')!;
    expect(alert).toHaveTextContent(
      "The key that unlocks “Team” is missing from this computer's keychain. Its entries are kept, unchanged, but cannot be opened here. Restore them by importing an export of this vault.",
    );
    expect(within(alert).getByRole('button', { name: 'Import' })).toBeInTheDocument();
    expect(vaultButton('Team')).toHaveTextContent('2 entries · Key missing');
    expect(vaultButton('Team')).toHaveAccessibleName('Team, 2 entries, key missing');
    expect(rowOf('Team', 'Extracta')).toBeInTheDocument();
    expect(core.vaults.entries.listEntries(teamId)).toHaveLength(2);
    // Personal is untouched.
    await chooseVault(user, 'Personal');
    expect(screen.queryByText(/is missing$/)).not.toBeInTheDocument();
  });
});

describe('Without a keychain', () => {
  it('New vault says why it cannot create a vault, and keeps the name typed', async () => {
    const { user, core } = await renderApp({
      before: async (core, keychain) => {
        await core.vaults.vaults.deleteVault(personal(core).id);
        keychain.unavailable = true;
      },
    });
    await goToVaults(user);
    await user.click(
      within(screen.getByRole('region', { name: 'No vaults yet' })).getByRole('button', { name: 'New vault' }),
    );
    const dialog = within(dialogNamed('New vault'));
    await user.type(dialog.getByLabelText('Vault name'), 'Team');
    await user.click(dialog.getByRole('button', { name: 'Create vault' }));
    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('The vault was not created');
    expect(alert).toHaveTextContent('test: no Secret Service');
    expect(dialog.getByLabelText('Vault name')).toHaveValue('Team');
    expect(core.vaults.vaults.listVaults()).toHaveLength(0);
  });
});

describe('Lock settings', () => {
  it('round-trips the settings, warns about never locking, and checks the clipboard delay', async () => {
    const { user, core } = await renderApp({
      before: (core) => addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Lock settings' }));
    let dialog = within(dialogNamed('Lock settings'));
    const minutes = await dialog.findByLabelText('Auto-lock after (minutes of inactivity)');
    expect(minutes).toHaveValue('10');
    expect(dialog.getByLabelText('Lock when the screen locks or the computer sleeps')).toBeChecked();
    expect(dialog.getByLabelText('Clear the clipboard after (seconds)')).toHaveValue('30');

    await user.clear(minutes);
    await user.type(minutes, '0');
    expect(dialog.getByRole('note')).toHaveTextContent('Vaults will not lock on their own');
    await user.click(dialog.getByLabelText('Lock when the screen locks or the computer sleeps'));
    const seconds = dialog.getByLabelText('Clear the clipboard after (seconds)');
    await user.clear(seconds);
    await user.type(seconds, '3');
    await user.click(dialog.getByRole('button', { name: 'Save settings' }));
    expect(seconds).toHaveAccessibleDescription(/Clear the clipboard after 5 seconds or more\.$/);
    expect(seconds).toHaveFocus();
    expect(core.vaults.vaults.settings().clipboardClearSeconds).toBe(30);

    await user.clear(seconds);
    await user.type(seconds, '45');
    await user.click(dialog.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.vaults.vaults.settings()).toEqual({
      autoLockMinutes: 0,
      lockOnScreenLock: false,
      clipboardClearSeconds: 45,
      passphraseOffered: false,
    });

    await user.click(screen.getByRole('button', { name: 'Lock settings' }));
    dialog = within(dialogNamed('Lock settings'));
    expect(await dialog.findByLabelText('Auto-lock after (minutes of inactivity)')).toHaveValue('0');
    expect(dialog.getByLabelText('Lock when the screen locks or the computer sleeps')).not.toBeChecked();
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'Copied the key of Pyas prod. The clipboard will be cleared in 45 s.',
      ),
    );
  });
});
