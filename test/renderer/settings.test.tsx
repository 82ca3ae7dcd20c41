import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { generate } from './support/keys';
import { openApp, renderApp } from './support/render-app';

async function openSettings(options: { before?: (core: Core) => Promise<void> } = {}) {
  const rendered = await renderApp({
    before: async (core) => {
      await core.apps.create({ name: 'Pyas', description: 'Social accounts API' });
      await options.before?.(core);
    },
  });
  await openApp(rendered.user, 'Pyas');
  await rendered.user.click(screen.getByRole('tab', { name: 'Settings' }));
  const panel = screen.getByRole('tabpanel', { name: 'Settings' });
  return {
    ...rendered,
    general: within(panel).getByRole('region', { name: 'General' }),
    scopes: within(panel).getByRole('region', { name: 'Scopes' }),
    pyas: rendered.core.apps.list().find((a) => a.name === 'Pyas')!,
  };
}

describe('Settings → General', () => {
  it('saves a new name, description and key prefix; issued keys keep theirs', async () => {
    const { user, core, general, pyas } = await openSettings({
      before: async (core) => {
        await generate(core, core.apps.list()[0]!.id);
      },
    });
    const name = within(general).getByLabelText('Name');
    const prefix = within(general).getByLabelText('Key prefix');
    expect(prefix).toHaveAccessibleDescription(
      /^Keys already issued keep their prefix\. New keys will look like pyas_/,
    );

    await user.clear(name);
    await user.type(name, 'Pyas API');
    await user.clear(within(general).getByLabelText('Description'));
    await user.type(within(general).getByLabelText('Description'), 'v2');
    await user.clear(prefix);
    await user.type(prefix, 'pyas2');
    expect(prefix).toHaveAccessibleDescription(/New keys will look like pyas2_XXXXXXXX/);
    await user.click(within(general).getByRole('button', { name: 'Save changes' }));

    expect(await within(general).findByText('Changes saved.')).toBeInTheDocument();
    expect(core.apps.get(pyas.id)).toMatchObject({ name: 'Pyas API', description: 'v2', keyPrefix: 'pyas2' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pyas API');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('pyas2_');
    expect(core.keys.list(pyas.id)[0]!.keyPrefix).toBe('pyas');
    expect((await generate(core, pyas.id)).plaintext.startsWith('pyas2_')).toBe(true);
  });

  it('shows schema messages inline and saves nothing', async () => {
    const { user, core, general, pyas } = await openSettings();
    const name = within(general).getByLabelText('Name');
    const prefix = within(general).getByLabelText('Key prefix');
    await user.clear(name);
    await user.clear(prefix);
    await user.type(prefix, 'Bad-Prefix');
    await user.click(within(general).getByRole('button', { name: 'Save changes' }));
    expect(name).toHaveAccessibleDescription('App name is required.');
    expect(name).toHaveFocus();
    expect(prefix).toHaveAccessibleDescription(
      /Key prefix must start with a lowercase letter and contain only lowercase letters and digits\.$/,
    );
    await user.type(name, 'Pyas');
    await user.clear(prefix);
    await user.type(prefix, 'p'.repeat(17));
    expect(prefix).toHaveAccessibleDescription(/Key prefix can be at most 16 characters\.$/);
    expect(core.apps.get(pyas.id)).toMatchObject({ name: 'Pyas', keyPrefix: 'pyas' });
  });

  it("puts the core's CONFLICT on the field that clashes", async () => {
    const { user, general } = await openSettings({
      before: async (core) => {
        await core.apps.create({ name: 'Cerby' });
      },
    });
    const name = within(general).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'cerby');
    await user.click(within(general).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('An app named "cerby" already exists.'));
    expect(name).toHaveFocus();

    await user.clear(name);
    await user.type(name, 'Pyas');
    const prefix = within(general).getByLabelText('Key prefix');
    await user.clear(prefix);
    await user.type(prefix, 'cerby');
    await user.click(within(general).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(prefix).toHaveAccessibleDescription(/Another app already uses the key prefix "cerby"\.$/),
    );
  });
});

describe('Settings → Scopes', () => {
  it('adds a scope, which the wizard then offers', async () => {
    const { user, core, scopes, pyas } = await openSettings();
    await user.click(within(scopes).getByRole('button', { name: 'Add scope' }));
    const form = within(scopes).getByRole('form', { name: 'Add scope' });
    expect(within(form).getByLabelText('Identifier')).toHaveFocus();
    await user.type(within(form).getByLabelText('Identifier'), 'read:reports');
    await user.type(within(form).getByLabelText('Scope name'), 'Read reports');
    await user.type(within(form).getByLabelText('Scope description (optional)'), 'Enables reading reports.');
    await user.click(within(form).getByRole('button', { name: 'Add scope' }));

    await waitFor(() => expect(within(scopes).queryByRole('form')).not.toBeInTheDocument());
    const items = within(within(scopes).getByRole('list', { name: 'Scopes of Pyas' })).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    expect(items[9]).toHaveTextContent('Read reports read:reportsEnables reading reports.');
    expect(core.apps.get(pyas.id).scopes.at(-1)).toEqual({
      id: 'read:reports',
      label: 'Read reports',
      description: 'Enables reading reports.',
    });

    await user.click(screen.getByRole('tab', { name: 'API Keys' }));
    await user.click(screen.getByRole('button', { name: 'Generate API key' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate API key' });
    await user.type(within(dialog).getByLabelText('API key name'), 'Reports');
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByRole('checkbox', { name: 'Read reports read:reports' })).toBeInTheDocument();
  });

  it('explains a malformed identifier, a missing name and a clash, inline', async () => {
    const { user, scopes } = await openSettings();
    await user.click(within(scopes).getByRole('button', { name: 'Add scope' }));
    const form = within(scopes).getByRole('form', { name: 'Add scope' });
    const id = within(form).getByLabelText('Identifier');
    const label = within(form).getByLabelText('Scope name');
    await user.type(id, 'Reports');
    await user.click(within(form).getByRole('button', { name: 'Add scope' }));
    expect(id).toHaveAccessibleDescription(
      /Scope identifier looks like read:items — lowercase words and underscores around one colon\.$/,
    );
    expect(label).toHaveAccessibleDescription('Scope name is required.');

    await user.clear(id);
    await user.type(id, 'read:items');
    await user.type(label, 'Everything');
    await user.click(within(form).getByRole('button', { name: 'Add scope' }));
    await waitFor(() => expect(id).toHaveAccessibleDescription(/This app already has the scope read:items\.$/));

    await user.clear(id);
    await user.type(id, 'read:everything');
    await user.clear(label);
    await user.type(label, 'read items');
    await user.click(within(form).getByRole('button', { name: 'Add scope' }));
    await waitFor(() => expect(label).toHaveAccessibleDescription('This app already has a scope named "read items".'));

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(within(scopes).queryByRole('form')).not.toBeInTheDocument();
    expect(within(scopes).getByRole('button', { name: 'Add scope' })).toHaveFocus();
  });

  it('renames a scope inline; its identifier stays', async () => {
    const { user, core, scopes, pyas } = await openSettings();
    const list = within(scopes).getByRole('list', { name: 'Scopes of Pyas' });
    const item = within(list).getAllByRole('listitem')[1]!;
    const rename = within(item).getByRole('button', { name: 'Rename' });
    expect(rename).toHaveAccessibleDescription('Read items');
    await user.click(rename);
    const form = within(item).getByRole('form', { name: 'Rename scope read:items' });
    const label = within(form).getByLabelText('Scope name');
    expect(label).toHaveValue('Read items');
    expect(label).toHaveFocus();
    await user.clear(label);
    await user.click(within(form).getByRole('button', { name: 'Save scope' }));
    expect(label).toHaveAccessibleDescription('Scope name is required.');
    await user.type(label, 'Read all items');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(within(item).queryByRole('form')).not.toBeInTheDocument());
    expect(item).toHaveTextContent('Read all items read:items');
    expect(within(item).getByRole('button', { name: 'Rename' })).toHaveFocus();
    expect(core.apps.get(pyas.id).scopes[1]).toMatchObject({ id: 'read:items', label: 'Read all items' });
  });

  it('asks before removing a scope, saying how many keys lose it', async () => {
    const { user, core, scopes, pyas } = await openSettings({
      before: async (core) => {
        const appId = core.apps.list()[0]!.id;
        await generate(core, appId, { name: 'One', scopes: ['read:items', 'read:users'] });
        await generate(core, appId, { name: 'Two', scopes: ['read:items'] });
        await generate(core, appId, { name: 'Three', scopes: ['read:users'] });
      },
    });
    const list = within(scopes).getByRole('list', { name: 'Scopes of Pyas' });
    await user.click(within(within(list).getAllByRole('listitem')[1]!).getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove scope' });
    await waitFor(() => expect(dialog).toHaveTextContent('Remove scope read:items? 2 keys have it and will lose it.'));
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Remove scope' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(list).getAllByRole('listitem')).toHaveLength(8);
    expect(list).not.toHaveTextContent('read:items');
    expect(core.keys.list(pyas.id).map((k) => [k.name, k.scopes])).toEqual([
      ['Three', ['read:users']],
      ['Two', []],
      ['One', ['read:users']],
    ]);
  });
});
