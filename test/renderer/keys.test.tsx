import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { useActivity } from '../../renderer/src/stores/activity-store';
import { useApps } from '../../renderer/src/stores/apps-store';
import { useKeys } from '../../renderer/src/stores/keys-store';
import { useNavigation } from '../../renderer/src/stores/navigation-store';
import { useStatus } from '../../renderer/src/stores/status-store';
import { gate, openApp, renderApp } from './support/render-app';

const WARNING =
  'This is the only time you can view and copy this API key. Store it in a safe place — Keyhaven keeps only a hash of it.';

const withApp = {
  before: async (core: Core) => {
    await core.apps.create({ name: 'Pyas' });
  },
};

async function startGenerating(user: UserEvent, keyName: string) {
  await openApp(user, 'Pyas');
  await screen.findByRole('region', { name: 'No API keys yet' });
  await user.click(screen.getByRole('button', { name: 'Generate API key' }));
  const dialog = screen.getByRole('dialog', { name: 'Generate API key' });
  const field = within(dialog).getByLabelText('API key name');
  expect(field).toHaveFocus();
  if (keyName) await user.type(field, keyName);
  return { dialog, field };
}

const keyValue = () => screen.getByTestId('api-key-value');

describe('Generating an API key', () => {
  it('shows the key once, masked, with Show, Copy and Done; then lists it as Active', async () => {
    const { user, core, writeText } = await renderApp(withApp);
    const { dialog } = await startGenerating(user, 'Production');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));

    const heading = await within(dialog).findByRole('heading', { name: 'Store your API key' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(dialog).getByRole('note')).toHaveTextContent(WARNING);

    // Masked by default: prefix and key id readable, the secret nowhere in the document.
    const [stored] = core.keys.list(core.apps.list()[0]!.id);
    const publicPart = `pyas_${stored!.keyId}`;
    expect(keyValue()).toHaveTextContent(new RegExp(`^${publicPart}\\.•{38}`));
    expect(keyValue()).toHaveClass('key-box__value--masked');

    await user.click(within(dialog).getByRole('button', { name: 'Show' }));
    const plaintext = keyValue().textContent ?? '';
    expect(plaintext.startsWith(`${publicPart}.`)).toBe(true);
    expect(plaintext).toHaveLength(publicPart.length + 1 + 38);
    expect((await core.keys.verify(plaintext)).code).toBe('VALID');
    expect(within(dialog).getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Hide' }));
    expect(document.body.textContent).not.toContain(plaintext);

    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(plaintext);
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('The API key is on the clipboard.');

    // The plaintext never reached a store, web storage or the URL.
    for (const store of [useApps, useKeys, useActivity, useNavigation, useStatus]) {
      expect(JSON.stringify(store.getState())).not.toContain(plaintext);
    }
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(window.location.href).not.toContain(stored!.keyId);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(plaintext);
    expect(screen.getByRole('button', { name: 'Generate API key' })).toHaveFocus();

    const table = screen.getByRole('table', { name: 'API keys of Pyas' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Key', 'Created', 'Status']);
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Production');
    expect(within(row).getByText(`${publicPart}…`).tagName).toBe('CODE');
    expect(within(row).getByText('just now')).toHaveAttribute('title');
    expect(row).toHaveTextContent('Active');
  });

  it('updates the key count on the Apps list', async () => {
    const { user } = await renderApp(withApp);
    const { dialog } = await startGenerating(user, 'Production');
    await user.keyboard('{Enter}');
    await user.click(await within(dialog).findByRole('button', { name: 'Done' }));
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Apps' }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Apps' })).getByRole('button')).toHaveTextContent('1 key'),
    );
  });

  it('says "API key name is required." and generates nothing', async () => {
    const { user, core } = await renderApp(withApp);
    const { dialog, field } = await startGenerating(user, '');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(field).toHaveAccessibleDescription(/API key name is required\./);
    expect(field).toHaveFocus();
    expect(core.keys.list(core.apps.list()[0]!.id)).toHaveLength(0);
  });

  it('rejects an API key name over 100 characters with the schema message', async () => {
    const { user, core } = await renderApp(withApp);
    const { dialog, field } = await startGenerating(user, 'k'.repeat(101));
    await user.keyboard('{Enter}');
    expect(field).toHaveAccessibleDescription(/API key name can be at most 100 characters\./);
    expect(field).toHaveValue('k'.repeat(101));
    expect(within(dialog).queryByRole('heading', { name: 'Store your API key' })).not.toBeInTheDocument();
    expect(core.keys.list(core.apps.list()[0]!.id)).toHaveLength(0);
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
    const { dialog } = await startGenerating(user, 'Production');
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Generating…' })).toBeDisabled();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Generate API key' })).toBeInTheDocument();
    held.open();
    expect(await within(dialog).findByRole('heading', { name: 'Store your API key' })).toBeInTheDocument();
  });

  it('keeps the key on screen when Escape is pressed on the store step: only Done closes', async () => {
    const { user } = await renderApp(withApp);
    const { dialog } = await startGenerating(user, 'Production');
    await user.keyboard('{Enter}');
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    expect(within(dialog).queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Generate API key' })).toBeInTheDocument();
    expect(keyValue()).toBeInTheDocument();
  });

  it('says clearly when the clipboard refuses the copy', async () => {
    const { user, writeText } = await renderApp(withApp);
    writeText.mockRejectedValueOnce(new DOMException('Document is not focused.', 'NotAllowedError'));
    const { dialog } = await startGenerating(user, 'Production');
    await user.keyboard('{Enter}');
    await user.click(await within(dialog).findByRole('button', { name: 'Copy' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Copy failed');
    expect(alert).toHaveTextContent('Keyhaven could not copy to the clipboard.');
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('records "app created" and "key generated" in the app Activity tab, newest first', async () => {
    const { user } = await renderApp(withApp);
    const { dialog } = await startGenerating(user, 'Production');
    await user.keyboard('{Enter}');
    await user.click(await within(dialog).findByRole('button', { name: 'Done' }));

    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const table = await within(screen.getByRole('tabpanel', { name: 'Activity' })).findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/API key "Production" \(pyas_[0-9A-Za-z]{8}\) generated/);
    expect(rows[1]).toHaveTextContent('App "Pyas" created');
    expect(within(rows[0]!).getByText('just now').tagName).toBe('TIME');
  });
});
