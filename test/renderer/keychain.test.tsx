import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openApp, renderApp } from './support/render-app';

const PROBLEM =
  'Keyhaven cannot use the system keychain (test: no Secret Service). Install and start one such as GNOME Keyring.';

describe('When the system keychain is unavailable', () => {
  it('shows a persistent banner, keeps the app usable, and shows the create and generate errors inline', async () => {
    const { user, core, keychain } = await renderApp({
      before: (_core, keychain) => {
        keychain.unavailable = true;
      },
    });
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('The system keychain is unavailable');
    expect(banner).toHaveTextContent(PROBLEM);

    // A new app's own secret goes to the keychain first: without it, the dialog says why and keeps the name.
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const newApp = screen.getByRole('dialog', { name: 'New App' });
    await user.type(within(newApp).getByLabelText('Name'), 'Pyas');
    await user.click(within(newApp).getByRole('button', { name: 'Create app' }));
    expect(await within(newApp).findByRole('alert')).toHaveTextContent(PROBLEM);
    expect(within(newApp).getByLabelText('Name')).toHaveValue('Pyas');
    expect(core.apps.list()).toEqual([]);
    keychain.unavailable = false;
    await user.click(within(newApp).getByRole('button', { name: 'Create app' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    keychain.unavailable = true;
    await openApp(user, 'Pyas');
    expect(screen.getByText('The system keychain is unavailable', { selector: '.shell__banner *' })).toBeVisible();

    await user.click(await screen.findByRole('button', { name: 'Generate API key' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate API key' });
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Read items / }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));

    const error = await within(dialog).findByRole('alert');
    expect(error).toHaveTextContent('The system keychain is unavailable');
    expect(error).toHaveTextContent(PROBLEM);
    expect(within(dialog).getByRole('checkbox', { name: /^Read items / })).toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Next' })).toBeEnabled();
    expect(core.keys.list(core.apps.list()[0]!.id)).toHaveLength(0);

    // Once the keychain is back, retrying from the same dialog works.
    keychain.unavailable = false;
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(await within(dialog).findByRole('heading', { name: 'Store your API key' })).toBeInTheDocument();
  });

  it('hides the banner after "Try again" once the keychain works', async () => {
    const { user, keychain } = await renderApp({
      before: (_core, keychain) => {
        keychain.unavailable = true;
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('The system keychain is unavailable');
    keychain.unavailable = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByText('Keychain connected')).toBeInTheDocument();
  });
});
