import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generate } from './support/keys';
import { gate, renderApp, waitForReady } from './support/render-app';

describe('Apps screen', () => {
  it('starts empty and says what to do', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Apps' })).toBeInTheDocument();
    const empty = screen.getByRole('region', { name: 'No apps yet' });
    expect(empty).toHaveTextContent('Click + New App to create your first one');
    expect(screen.getByRole('button', { name: '+ New App' })).toBeEnabled();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('shows a skeleton until the first status and app list arrive, then signals ready', async () => {
    const held = gate();
    await renderApp({
      waitForReady: false,
      wrapApi: (api) => ({
        ...api,
        apps: { ...api.apps, list: async (input) => (await held.promise, api.apps.list(input)) },
      }),
    });
    expect(screen.getByRole('status')).toHaveTextContent('Loading apps…');
    expect(document.documentElement.dataset.appReady).toBeUndefined();
    held.open();
    await waitForReady();
    expect(screen.getByRole('region', { name: 'No apps yet' })).toBeInTheDocument();
  });

  it('creates an app with a live key prefix preview, lists it and persists it', async () => {
    const { user, core } = await renderApp();
    const opener = screen.getByRole('button', { name: '+ New App' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const name = within(dialog).getByLabelText('Name');
    expect(name).toHaveFocus();
    expect(within(dialog).getByText(/^Key prefix:/)).toHaveTextContent('Key prefix: taken from the name');

    await user.type(name, 'Pyas');
    expect(within(dialog).getByText(/^Key prefix:/)).toHaveTextContent('Key prefix: pyas');
    expect(name).toHaveAccessibleDescription(/Key prefix: pyas/);
    await user.type(within(dialog).getByLabelText('Description (optional)'), 'Social accounts API');
    await user.click(within(dialog).getByRole('button', { name: 'Create app' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const item = within(screen.getByRole('list', { name: 'Apps' })).getByRole('listitem');
    expect(within(item).getByRole('button', { name: 'Pyas' })).toHaveAccessibleDescription('pyas_ 0 keys');
    expect(item).toHaveTextContent('Social accounts API');
    expect(opener).toHaveFocus();

    const stored = core.apps.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'Pyas', description: 'Social accounts API', keyPrefix: 'pyas' });
  });

  it('submits with Enter and previews the numbered prefix the core will give', async () => {
    const { user, core } = await renderApp({
      before: async (c) => {
        await c.apps.create({ name: 'Pyas' });
      },
    });
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    await user.type(within(dialog).getByLabelText('Name'), 'Py as');
    expect(within(dialog).getByText(/^Key prefix:/)).toHaveTextContent('Key prefix: pyas2');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.apps.list().map((app) => app.keyPrefix)).toEqual(['pyas2', 'pyas']);
  });

  it('says "App name is required." on submit, focuses the field and creates nothing', async () => {
    const { user, core } = await renderApp();
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    const name = within(dialog).getByLabelText('Name');
    await user.type(within(dialog).getByLabelText('Description (optional)'), 'kept');
    await user.click(within(dialog).getByRole('button', { name: 'Create app' }));
    expect(name).toHaveAccessibleDescription(/App name is required\./);
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(within(dialog).getByLabelText('Description (optional)')).toHaveValue('kept');
    expect(core.apps.list()).toHaveLength(0);
  });

  it('shows a message once a field was touched, and clears it when fixed', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    const name = within(dialog).getByLabelText('Name');
    expect(within(dialog).queryByText('App name is required.')).not.toBeInTheDocument();
    await user.type(name, '   ');
    await user.tab();
    expect(within(dialog).getByText('App name is required.')).toBeInTheDocument();
    await user.type(name, 'Pyas');
    expect(within(dialog).queryByText('App name is required.')).not.toBeInTheDocument();
  });

  it('rejects a name over 80 characters with the schema message', async () => {
    const { user, core } = await renderApp();
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    const name = within(dialog).getByLabelText('Name');
    await user.type(name, 'a'.repeat(81));
    await user.keyboard('{Enter}');
    expect(name).toHaveAccessibleDescription(/App name can be at most 80 characters\./);
    expect(name).toHaveValue('a'.repeat(81));
    expect(core.apps.list()).toHaveLength(0);
  });

  it('shows the core CONFLICT for a duplicate name on the Name field, keeping the input', async () => {
    const { user, core } = await renderApp({
      before: async (c) => {
        await c.apps.create({ name: 'Pyas' });
      },
    });
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    const name = within(dialog).getByLabelText('Name');
    await user.type(name, 'pyas');
    await user.click(within(dialog).getByRole('button', { name: 'Create app' }));

    await waitFor(() => expect(name).toHaveAccessibleDescription(/An app named "pyas" already exists\./));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveValue('pyas');
    expect(name).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'New App' })).toBeInTheDocument();
    expect(core.apps.list()).toHaveLength(1);

    await user.type(name, ' two');
    expect(name).not.toHaveAccessibleDescription(/already exists/);
  });

  it('disables the buttons while creating and shows "Creating…"', async () => {
    const held = gate();
    const { user } = await renderApp({
      wrapApi: (api) => ({
        ...api,
        apps: { ...api.apps, create: async (input) => (await held.promise, api.apps.create(input)) },
      }),
    });
    await user.click(screen.getByRole('button', { name: '+ New App' }));
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    await user.type(within(dialog).getByLabelText('Name'), 'Pyas');
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Creating…' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    held.open();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('closes on Escape and on Cancel, returning focus, and keeps Tab inside the dialog', async () => {
    const { user, core } = await renderApp();
    const opener = screen.getByRole('button', { name: '+ New App' });
    await user.click(opener);
    await user.type(screen.getByLabelText('Name'), 'Draft');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'New App' });
    const name = within(dialog).getByLabelText('Name');
    expect(name).toHaveFocus();
    // Name → Description → Keys are sent as → Scopes → Cancel → Create app → Close → back to Name.
    for (let i = 0; i < 7; i += 1) await user.tab();
    expect(name).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(core.apps.list()).toHaveLength(0);
  });

  it('lists apps with their prefix and key count', async () => {
    await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Cerby' });
        await generate(core, app.id, { name: 'One' });
        await generate(core, app.id, { name: 'Two' });
        await core.apps.create({ name: 'atfinity' });
      },
    });
    const items = within(screen.getByRole('list', { name: 'Apps' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/atfinity.*atfinity_.*0 keys/),
      expect.stringMatching(/Cerby.*cerby_.*2 keys/),
    ]);
  });
});
