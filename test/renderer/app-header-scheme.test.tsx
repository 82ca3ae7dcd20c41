import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateInput } from '../support/generate-input';
import { openApp, renderApp } from './support/render-app';
import { vaultNamed } from './support/transfer';
import { openWizard } from './support/wizard';

const OPTIONS = [
  'x-api-key: <key> (Pyas, Cerby)',
  'Authorization: Api-Key <key> (atfinity)',
  'Authorization: Bearer <key> (Extracta, nexos.ai)',
];

describe("An app's header scheme", () => {
  it('is chosen at + New App, with whether its keys have scopes; X-API-Key and nine scopes unless changed', async () => {
    const { user, core } = await renderApp();
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    const scheme = within(dialog).getByLabelText('Keys are sent as');
    expect(
      within(scheme)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(OPTIONS);
    expect(scheme).toHaveValue('x-api-key');
    const scopes = within(dialog).getByLabelText('Scopes');
    expect(scopes).toHaveValue('default');

    await user.type(within(dialog).getByLabelText('Name'), 'atfinity');
    await user.selectOptions(scheme, 'api-key'); // by value: the label's <key> is escaped in the option's HTML
    await user.selectOptions(scopes, 'No scopes (as atfinity and nexos.ai)');
    expect(scopes).toHaveAccessibleDescription(/^Keys will have a name and an expiration only\./);
    await user.click(within(dialog).getByRole('button', { name: 'Create app' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.apps.list()[0]).toMatchObject({ name: 'atfinity', headerScheme: 'api-key', scopes: [] });

    await user.click(screen.getByRole('button', { name: '+ New App' }));
    await user.type(screen.getByLabelText('Name'), 'Pyas');
    await user.click(screen.getByRole('button', { name: 'Create app' }));
    await waitFor(() => expect(core.apps.list()).toHaveLength(2));
    const pyas = core.apps.list().find((app) => app.name === 'Pyas')!;
    expect(pyas.headerScheme).toBe('x-api-key');
    expect(pyas.scopes).toHaveLength(9);
  });

  it('changes in Settings → General, and the next key is saved in a vault with it', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'nexos.ai' });
      },
    });
    await openApp(user, 'nexos.ai');
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    const general = within(screen.getByRole('tabpanel', { name: 'Settings' })).getByRole('region', {
      name: 'General',
    });
    const scheme = within(general).getByLabelText('Keys are sent as');
    expect(scheme).toHaveValue('x-api-key');
    await user.selectOptions(scheme, 'bearer');
    await user.click(within(general).getByRole('button', { name: 'Save changes' }));
    expect(await within(general).findByText('Changes saved.')).toBeInTheDocument();
    const app = core.apps.list()[0]!;
    expect(app.headerScheme).toBe('bearer');
    expect(core.activity.list({ appId: app.id })[0]!.summary).toBe(
      'App "nexos.ai": keys now sent as Bearer (was X-API-Key)',
    );

    const generated = await core.issuing.generate(generateInput(app.id));
    const entry = await core.issuing.saveInVault(generated.key.id, vaultNamed(core, 'Personal').id);
    expect(entry.scheme).toEqual({ kind: 'bearer' });
  });

  it('is the header line "Store your API key" shows with the key, masked until Show', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'atfinity', headerScheme: 'api-key' });
      },
    });
    const dialog = await openWizard(user, 'atfinity');
    await user.type(within(dialog).getByLabelText('API key name'), 'Production');
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^Read items / }));
    await user.click(within(dialog).getByRole('button', { name: /^(Next|Generate API key)$/ }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });

    const header = within(dialog).getByTestId('api-key-header');
    expect(within(dialog).getByText('Send it in this header:')).toBeInTheDocument();
    expect(header.textContent).toMatch(/^Authorization: Api-Key atfinity_\w{8}\.•{12} \(secret part hidden\)$/);
    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const plaintext = within(dialog).getByTestId('api-key-value').textContent!;
    expect(within(dialog).getByTestId('api-key-header')).toHaveTextContent(`Authorization: Api-Key ${plaintext}`);
    await user.click(within(dialog).getByRole('button', { name: 'Hide' }));
    expect(dialog).not.toHaveTextContent(plaintext.split('.')[1]!);
  });
});
