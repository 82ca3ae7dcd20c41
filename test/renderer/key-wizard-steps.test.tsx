// The generation wizard's steps: the step indicator, scopes, Back, Generating…, closing before a key exists.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gate, renderApp } from './support/render-app';
import { keysOf, openWizard, scopeBox, withApp } from './support/wizard';

const stepOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Steps' })).getByRole('listitem', { current: 'step' });

describe('The generation wizard', () => {
  it('goes name and expiration → Select scopes → Store your API key, with a step indicator', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    expect(stepOf(dialog)).toHaveTextContent('Name and expiration');
    const name = within(dialog).getByLabelText('API key name');
    expect(name).toHaveFocus();
    const expiration = within(dialog).getByLabelText('Expiration time');
    expect(
      within(expiration)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1 hour', '12 hours', '1 day', '5 days', '1 year', 'Custom', 'Never']);
    expect(expiration).toHaveDisplayValue('1 year');

    await user.type(name, 'Production');
    await user.keyboard('{Enter}'); // Enter is Next
    const heading = await within(dialog).findByRole('heading', { name: 'Select scopes' });
    expect(heading).toHaveFocus();
    expect(stepOf(dialog)).toHaveTextContent('Select scopes');
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes).toHaveLength(10); // "This key needs no scopes" and the nine Cerby scopes
    expect(boxes[2]).toHaveAccessibleName('Read items read:items');
    expect(boxes[2]).toHaveAccessibleDescription('Enables reading account, secret, and collection data.');
    expect(within(dialog).getByText('read:items').tagName).toBe('CODE');

    await user.click(scopeBox(dialog, 'Read items'));
    await user.click(scopeBox(dialog, 'Write integrations'));
    expect(within(dialog).getByText('2 of 9 selected')).toBeInTheDocument();
    // Cerby's step 2 ends on Next too, which generates the key.
    expect(within(dialog).queryByRole('button', { name: /^Generate/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(await within(dialog).findByRole('heading', { name: 'Store your API key' })).toBeInTheDocument();
    expect(stepOf(dialog)).toHaveTextContent('Store your API key');

    const [key] = keysOf(core);
    expect(key).toMatchObject({
      name: 'Production',
      scopes: ['read:items', 'write:integrations'],
      expiration: { kind: 'preset', preset: '1y' },
      status: 'active',
    });
    const year = Date.parse(key!.expiresAt!) - Date.parse(key!.createdAt);
    expect(year).toBeGreaterThanOrEqual(365 * 24 * 3_600_000);
  });

  it('needs a scope or an explicit "no scopes", and offers Select all and Clear', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Bare');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByRole('heading', { name: 'Select scopes' });

    // "No scopes" comes before the scrolling list of scopes, outside it: always in view.
    const scopesGroup = within(dialog).getByRole('group', { name: 'Scopes' });
    const noScopes = within(dialog).getByRole('checkbox', { name: /^This key needs no scopes/ });
    expect(scopesGroup).not.toContainElement(noScopes);
    expect(noScopes.compareDocumentPosition(scopesGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    const message = 'Select at least one scope, or tick "This key needs no scopes".';
    expect(within(dialog).getByRole('alert')).toHaveTextContent(message);
    expect(within(dialog).getByRole('group', { name: 'Scopes' })).toHaveAccessibleDescription(message);
    expect(scopeBox(dialog, 'Read activities')).toHaveFocus();
    expect(keysOf(core)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Select all' }));
    expect(within(dialog).getByText('9 of 9 selected')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Clear' }));
    expect(within(dialog).getByText('0 of 9 selected')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(message);

    await user.click(within(dialog).getByRole('checkbox', { name: /^This key needs no scopes/ }));
    expect(scopeBox(dialog, 'Read items')).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    expect(keysOf(core)[0]).toMatchObject({ name: 'Bare', scopes: [] });
  });

  it('goes Back to step 1 and forward again without losing anything', async () => {
    const { user } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.selectOptions(within(dialog).getByLabelText('Expiration time'), '5 days');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Read secrets / }));

    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('API key name')).toHaveValue('Production');
    expect(within(dialog).getByLabelText('API key name')).toHaveFocus();
    expect(within(dialog).getByLabelText('Expiration time')).toHaveDisplayValue('5 days');

    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(await within(dialog).findByRole('checkbox', { name: /^Read secrets / })).toBeChecked();
    expect(within(dialog).getByText('1 of 9 selected')).toBeInTheDocument();
  });

  it('shows "Generating…" with the buttons disabled, and cannot be closed mid-way', async () => {
    const held = gate();
    const { user } = await renderApp({
      ...withApp,
      wrapApi: (api) => ({
        ...api,
        keys: { ...api.keys, generate: async (input) => (await held.promise, api.keys.generate(input)) },
      }),
    });
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.keyboard('{Enter}');
    await user.click(await within(dialog).findByRole('checkbox', { name: /^Read items / }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByRole('button', { name: 'Generating…' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Back' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Generate API key' })).toBeInTheDocument();
    held.open();
    expect(await within(dialog).findByRole('heading', { name: 'Store your API key' })).toBeInTheDocument();
  });

  it('closes at once on steps 1 and 2 (nothing generated yet)', async () => {
    const { user, core } = await renderApp(withApp);
    const dialog = await openWizard(user);
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate API key' })).toHaveFocus();
    expect(keysOf(core)).toHaveLength(0);
  });
});
