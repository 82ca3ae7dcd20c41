// The console's entry picker is a searchable combobox (issue 14, item 4).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { goToConsole, openRequestTab, placementLine } from './support/console';
import { renderApp } from './support/render-app';
import { addEntry, personal } from './support/vaults';

const withEntries = {
  before: async (core: Core) => {
    await addEntry(core, personal(core).id, {
      name: 'Pyas prod',
      secret: 'pyas_c0mb0b0xS3cr3tV4lu3xx',
      preset: 'pyas',
    });
    await addEntry(core, personal(core).id, { name: 'Nexos', secret: 'nx_c0mb0b0xS3cr3tV4lu3yy', preset: 'nexos-ai' });
    const team = await core.vaults.vaults.createVault('Team');
    await core.vaults.vaults.unlock(team.id);
    await addEntry(core, team.id, { name: 'Stripe', secret: 'sk_c0mb0b0xS3cr3tV4lu3zz', tags: ['payments'] });
  },
};

async function entryField(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await goToConsole(user);
  await openRequestTab(user, 'Auth');
  await user.click(screen.getByRole('radio', { name: 'Vault entry' }));
  return screen.getByRole('combobox', { name: 'Entry' });
}

const optionNames = () =>
  within(screen.getByRole('listbox', { name: 'Entry' }))
    .queryAllByRole('option')
    .map((o) => o.textContent);

describe('the console’s Entry combobox', () => {
  it('narrows every vault’s entries as you type — by name, vault or tag — and Enter chooses', async () => {
    const { user } = await renderApp(withEntries);
    const field = await entryField(user);
    await user.click(field);
    await waitFor(() => expect(optionNames()).toHaveLength(3));
    await user.type(field, 'nex');
    expect(optionNames()).toEqual(['Personal · Nexos']);
    await user.clear(field);
    await user.type(field, 'payments');
    expect(optionNames()).toEqual(['Team · Stripe']);
    await user.clear(field);
    await user.type(field, 'team');
    expect(optionNames()).toEqual(['Team · Stripe']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(field).toHaveValue('Team · Stripe');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    expect(placementLine()).toContain('(from the vault)');
  });

  it('says when nothing matches, and leaving the field puts the chosen entry back', async () => {
    const { user } = await renderApp(withEntries);
    const field = await entryField(user);
    await user.click(field);
    await user.click(await screen.findByRole('option', { name: 'Personal · Pyas prod' }));
    await user.clear(field);
    await user.type(field, 'zzz');
    expect(
      within(screen.getByRole('listbox', { name: 'Entry' })).getByText('No entry matches “zzz”'),
    ).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.tab();
    await waitFor(() => expect(field).toHaveValue('Personal · Pyas prod'));
  });
});
