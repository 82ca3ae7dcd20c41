import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { goToConsole, setUrl } from './support/console';
import { renderApp } from './support/render-app';
import { addEntry, personal } from './support/vaults';

/**
 * Environments in the page (issue 13): a key typed as a plain value is refused before it leaves the
 * page; a vault key is chosen and kept as its reference; the request's variables show what the chosen
 * environment defines.
 */
describe('Console: environments (issue 13)', () => {
  it('refuses a key as a plain value, keeps a vault key as its reference, and marks undefined variables', async () => {
    const { user, core } = await renderApp({
      before: async (c) => {
        await addEntry(c, personal(c).id, { name: 'Pyas prod', secret: 'pyas-prod-secret-0001', preset: 'pyas' });
      },
    });
    await goToConsole(user);
    await user.click(screen.getByRole('button', { name: 'Edit environments' }));
    const dialog = await screen.findByRole('dialog', { name: 'Environments' });
    await user.type(within(dialog).getByLabelText('Name'), 'Staging');
    await user.type(within(dialog).getByLabelText('Variable 1 name'), 'apiKey');
    await user.click(within(dialog).getByLabelText('Variable 1 value'));
    await user.paste('sk_live_51HnotAkeyButLooksLikeOne');
    expect(within(dialog).getByText(/looks like a key\. Keep the key in a vault/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Fix the variables marked below first.')).toBeInTheDocument();
    expect(core.console.environments.view().environments).toEqual([]);

    await user.selectOptions(within(dialog).getByLabelText('Variable 1: a key from a vault'), 'Personal · Pyas prod');
    expect(within(dialog).getByLabelText('Variable 1 value')).toHaveValue('kh://Personal/Pyas%20prod');
    await user.type(within(dialog).getByLabelText('Variable 2 name'), 'baseUrl');
    await user.type(within(dialog).getByLabelText('Variable 2 value'), 'https://api.pyas.example');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Saved Staging.')).toBeInTheDocument();
    expect(core.console.environments.view().environments[0]?.variables).toEqual([
      { name: 'apiKey', value: 'kh://Personal/Pyas%20prod' },
      { name: 'baseUrl', value: 'https://api.pyas.example' },
    ]);
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!);

    // The first environment made is the chosen one.
    await waitFor(() => expect(screen.getByLabelText('Environment')).toHaveDisplayValue('Staging'));
    await setUrl(user, '{{baseUrl}}/v1/{{missing}}');
    const variables = screen.getByRole('group', { name: 'Variables in this request' });
    expect(within(variables).getByText('{{baseUrl}}')).toHaveClass('console-variable--plain');
    expect(within(variables).getByText('{{missing}}')).toHaveClass('console-variable--missing');
    expect(within(variables).getByRole('status')).toHaveTextContent('This variable is not defined in Staging.');
  });
});
