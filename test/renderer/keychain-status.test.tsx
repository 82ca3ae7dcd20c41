import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LOCKED_KEYCHAIN_ADVICE } from '../../electron/core/keychain/keychain';
import { MemoryKeychain } from '../support/memory-keychain';
import { renderApp } from './support/render-app';
import { goToVaults, vaultList } from './support/vaults';
import { generateThroughUi } from './support/wizard';

const sidebar = () => screen.getByRole('complementary');
const dotIn = (element: HTMLElement) => element.querySelector('.sidebar__dot');

describe('The keychain line in the sidebar', () => {
  it('says connected, in green, with nothing to do', async () => {
    await renderApp();
    const line = within(sidebar()).getByText('Keychain connected');
    expect(dotIn(line)).toHaveClass('sidebar__dot--ok');
    expect(within(sidebar()).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('says locked up front, in amber, with how to unlock it; Try again then connects and makes the default vault owed since the first run', async () => {
    const keychain = new MemoryKeychain();
    keychain.locked = true;
    const { user } = await renderApp({ keychain });

    const line = within(sidebar()).getByText('Keychain locked');
    expect(dotIn(line)).toHaveClass('sidebar__dot--warn');
    expect(within(sidebar()).getByText(LOCKED_KEYCHAIN_ADVICE)).toBeVisible();
    // Locked is not missing: no red "unavailable" banner telling the user to install anything.
    expect(screen.queryByText('The system keychain is unavailable')).not.toBeInTheDocument();
    expect(screen.queryByText(/GNOME Keyring/)).not.toBeInTheDocument();
    await goToVaults(user);
    expect(await screen.findByText('No vaults yet')).toBeInTheDocument();

    keychain.locked = false;
    await user.click(within(sidebar()).getByRole('button', { name: 'Try again' }));
    expect(await within(sidebar()).findByText('Keychain connected')).toBeInTheDocument();
    expect(within(sidebar()).queryByText(LOCKED_KEYCHAIN_ADVICE)).not.toBeInTheDocument();
    await waitFor(() => expect(within(vaultList()).getByText('Personal')).toBeInTheDocument());
  });

  it('says unavailable, in red, with the app-wide banner and its Try again', async () => {
    const keychain = new MemoryKeychain();
    keychain.unavailable = true;
    await renderApp({ keychain });
    const line = within(sidebar()).getByText('Keychain unavailable');
    expect(dotIn(line)).toHaveClass('sidebar__dot--bad');
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('The system keychain is unavailable');
    expect(within(banner).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('A keychain locked while a key is generated', () => {
  it('Save in vault says to unlock it, not to install anything', async () => {
    const { user, core, keychain } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Pyas' });
      },
    });
    const dialog = await generateThroughUi(user, { name: 'Production' });
    core.vaults.vaults.lockAll();
    keychain.locked = true;

    const slot = dialog.querySelector<HTMLElement>('[data-slot="vault"]')!;
    await user.click(await within(slot).findByRole('button', { name: 'Save in vault' }));
    await user.click(
      within(within(slot).getByRole('group', { name: /^Save your API key in / })).getByRole('button', {
        name: 'Save in vault',
      }),
    );
    const alert = await within(slot).findByRole('alert');
    expect(alert).toHaveTextContent(LOCKED_KEYCHAIN_ADVICE);
    expect(alert).not.toHaveTextContent(/install|GNOME Keyring/i);
  });
});
