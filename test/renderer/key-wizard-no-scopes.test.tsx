// An app whose keys carry no scopes (atfinity, nexos.ai): name and expiration, Generate, the key.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { renderApp } from './support/render-app';
import { openWizard } from './support/wizard';

const stepsOf = (dialog: HTMLElement) => within(dialog).getByRole('list', { name: 'Steps' });
const currentStep = (dialog: HTMLElement) => within(stepsOf(dialog)).getByRole('listitem', { current: 'step' });

const withNexos = {
  before: async (core: Core) => {
    await core.apps.create({ name: 'nexos.ai', headerScheme: 'bearer', scopes: 'none' });
  },
};

describe('The generation wizard for an app without scopes', () => {
  it('is name and expiration, then Generate, then the key: two steps, no Select scopes', async () => {
    const { user, core } = await renderApp(withNexos);
    const dialog = await openWizard(user, 'nexos.ai');
    expect(
      within(stepsOf(dialog))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1Name and expiration', '2Store your API key']);
    expect(currentStep(dialog)).toHaveTextContent('Name and expiration');
    expect(within(dialog).queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();

    // The name is still required: Generate with none generates nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(within(dialog).getByLabelText('API key name')).toHaveAccessibleDescription(/API key name is required\./);
    const app = core.apps.list()[0]!;
    expect(core.keys.list(app.id)).toEqual([]);

    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.selectOptions(within(dialog).getByLabelText('Expiration time'), '5 days');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    expect(currentStep(dialog)).toHaveTextContent('Store your API key');
    expect(within(dialog).queryByRole('heading', { name: 'Select scopes' })).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('api-key-header').textContent).toMatch(/^Authorization: Bearer nexosai_/);

    const [key] = core.keys.list(app.id);
    expect(key).toMatchObject({ name: 'Production', scopes: [], expiration: { kind: 'preset', preset: '5d' } });
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const plaintext = within(dialog).getByTestId('api-key-value').textContent!;
    expect(await core.keys.verify(`Bearer ${plaintext}`, 'bearer')).toMatchObject({ code: 'VALID' });
  });

  it('follows the catalog: removing the last scope in Settings leaves the wizard without its scopes step', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'atfinity', headerScheme: 'api-key', scopes: 'none' });
        await core.scopes.add({ appId: app.id, id: 'read:items', label: 'Read items' });
      },
    });
    const withScope = await openWizard(user, 'atfinity');
    expect(within(stepsOf(withScope)).getAllByRole('listitem')).toHaveLength(3);
    await user.click(within(withScope).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    const scopes = within(screen.getByRole('tabpanel', { name: 'Settings' })).getByRole('region', { name: 'Scopes' });
    await user.click(within(scopes).getByRole('button', { name: 'Remove' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Remove scope' })).getByRole('button', { name: 'Remove scope' }),
    );
    expect(await within(scopes).findByText('This app has no scopes.')).toBeInTheDocument();
    expect(core.apps.list()[0]!.scopes).toEqual([]);

    await user.click(screen.getByRole('tab', { name: 'API Keys' }));
    await user.click(await screen.findByRole('button', { name: 'Generate API key' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate API key' });
    expect(within(stepsOf(dialog)).getAllByRole('listitem')).toHaveLength(2);
    await user.type(within(dialog).getByLabelText('API key name'), 'CI');
    await user.keyboard('{Enter}'); // Enter is Generate here
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    await waitFor(() => expect(core.keys.list(core.apps.list()[0]!.id)).toHaveLength(1));
  });
});
