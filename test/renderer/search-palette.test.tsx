// One search across everything (issue 14): Ctrl/⌘+K, results from the real core, actions by key and by button.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { consoleRequestSchema } from '../../shared/console/request';
import { useNavigation } from '../../renderer/src/stores/navigation-store';
import { renderApp } from './support/render-app';
import { findEntryPage } from './support/vaults';

const STRIPE = 'sk_live_P4l3tt3N3v3rSh0wsK3y';

const lived = {
  before: async (core: Core) => {
    const pyas = await core.apps.create({ name: 'Pyas' });
    await core.issuing.generate({ appId: pyas.id, name: 'Production', expiration: { kind: 'never' }, scopes: [] });
    const personal = core.vaults.vaults.listVaults()[0]!;
    await core.vaults.vaults.unlock(personal.id);
    await core.vaults.entries.addEntry({
      vaultId: personal.id,
      name: 'Stripe',
      secret: STRIPE,
      tags: ['prod'],
      scheme: { kind: 'bearer' },
    });
    const team = await core.vaults.vaults.createVault('Team');
    await core.vaults.entries.addEntry({ vaultId: team.id, name: 'Stripe staging', secret: 'sk_test_T34mK3yV4lu3' });
    core.vaults.vaults.lock(team.id);
    await core.console.saveRequest({
      name: 'List items',
      request: consoleRequestSchema.parse({ method: 'GET', url: 'https://api.pyas.example/v1/items' }),
    });
  },
};

async function openSearch(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.keyboard('{Control>}k{/Control}');
  const dialog = await screen.findByRole('dialog', { name: 'Search Keyhaven' });
  const field = within(dialog).getByRole('combobox', { name: 'Apps, API keys, vault entries and saved requests' });
  await waitFor(() => expect(field).toHaveFocus());
  return { dialog, field };
}

describe('search across everything (Ctrl/⌘+K)', () => {
  it('opens on Ctrl+K, lists matches grouped by kind, and Enter on an app opens it', async () => {
    const { user } = await renderApp(lived);
    const { dialog, field } = await openSearch(user);
    expect(within(dialog).getByText(/^Search by name, key label/)).toBeInTheDocument();
    await user.type(field, 'pyas');
    const options = await within(dialog).findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Pyas pyas_… · 1 active key',
      expect.stringMatching(/^Production Pyas · pyas_\w{8} · active$/),
      'List items GET https://api.pyas.example/v1/items · api.pyas.example',
    ]);
    expect(within(dialog).getByText('3 results.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useNavigation.getState().route).toMatchObject({ screen: 'app', tab: 'keys' });
  });

  it('Enter copies an entry in main, Shift+Enter copies its header line; the search stays open and the page never holds the key', async () => {
    const { user, platform } = await renderApp(lived);
    const { dialog, field } = await openSearch(user);
    await user.type(field, 'stripe prod');
    await within(dialog).findByRole('option', { name: /^Stripe Personal/ });
    await user.keyboard('{Enter}');
    expect(
      await within(dialog).findByText(/^Copied Stripe\. The clipboard will be cleared in \d+ s\.$/),
    ).toBeInTheDocument();
    expect(platform.writes.at(-1)).toBe(STRIPE);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(await within(dialog).findByText(/^Copied Stripe as a header line\./)).toBeInTheDocument();
    expect(platform.writes.at(-1)).toBe(`Authorization: Bearer ${STRIPE}`);
    expect(document.body.innerHTML).not.toContain(STRIPE);
  });

  it('finds a locked vault’s entry by name; copying it says to unlock, and Alt+Enter (Open) opens its page', async () => {
    const { user, platform, core } = await renderApp(lived);
    const { dialog, field } = await openSearch(user);
    await user.type(field, 'staging');
    const option = await within(dialog).findByRole('option', { name: /^Stripe staging Team.* Locked$/ });
    expect(option).toHaveAttribute('aria-selected', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText(/locked/i, { selector: '.search__outcome' })).toBeInTheDocument();
    expect(platform.writes).toEqual([]);
    await user.keyboard('{Alt>}{Enter}{/Alt}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const team = core.vaults.vaults.listVaults().find((vault) => vault.name === 'Team')!;
    const [entry] = core.vaults.entries.listEntries(team.id);
    // Open shows the entry's page without revealing (that is Show's), and the vault stays locked.
    expect(useNavigation.getState().route).toEqual({
      screen: 'vaults',
      vaultId: team.id,
      entryId: entry!.id,
      reveal: false,
    });
    const page = within(await findEntryPage('Stripe staging'));
    expect(page.getByRole('button', { name: 'Back to Team' })).toBeInTheDocument();
    expect(page.getByRole('button', { name: 'Unlock to show' })).toBeEnabled();
    expect(document.body.innerHTML).not.toContain('sk_test_T34mK3yV4lu3');
  });

  it('a saved request opens in the console; nothing matching says so; Escape closes', async () => {
    const { user } = await renderApp(lived);
    let { dialog, field } = await openSearch(user);
    await user.type(field, 'zzzz');
    expect(await within(dialog).findByText('Nothing matches “zzzz”.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    ({ dialog, field } = await openSearch(user));
    await user.type(field, 'items');
    await within(dialog).findByRole('option', { name: /^List items GET/ });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(useNavigation.getState().route).toMatchObject({ screen: 'console' }));
    expect(await screen.findByDisplayValue('https://api.pyas.example/v1/items')).toBeInTheDocument();
  });

  it('the sidebar’s Search button opens it too', async () => {
    const { user } = await renderApp(lived);
    await user.click(await screen.findByRole('button', { name: /^Search/ }));
    expect(await screen.findByRole('dialog', { name: 'Search Keyhaven' })).toBeInTheDocument();
  });
});
