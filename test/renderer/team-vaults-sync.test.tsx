// Team vaults in the app (issue 15): the team bar's sync states, Sync with what it brought, merged history, read-only.
import { rename } from 'node:fs/promises';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { renderApp } from './support/render-app';
import { bareRepo, entryId, GIT_WAIT, teamBar, teammate, teamStatus, teamVaultOf, type Teammate } from './support/team';
import { addEntry, findEntryPage, goToVaults, personal } from './support/vaults';

/** The app's Personal vault, with Stripe and Other, shared by "Alice" (the app) and joined by Bob. */
async function sharedWithBob(core: Core, remote: string, bob: Teammate): Promise<void> {
  const vaultId = personal(core).id;
  await addEntry(core, vaultId, { name: 'Stripe', secret: 'sk_original' });
  await addEntry(core, vaultId, { name: 'Other', secret: 'o_original' });
  await core.teams.share(vaultId, remote, 'Alice');
  await core.teams.addMember(vaultId, bob.line);
  await bob.core.vaults.vaults.unlock((await bob.core.teams.join(remote, 'Shared')).vaultId);
}

const setSecret = (core: Core, vaultId: string, name: string, secret: string) =>
  core.vaults.entries.updateEntry({ entryId: entryId(core, vaultId, name), secret });

describe('Team vaults: the team bar', { timeout: 90_000 }, () => {
  it('syncs on Sync: a concurrent change is merged, announced, and shown in the entry history with who', async () => {
    const remote = await bareRepo();
    const bob = await teammate('Bob');
    const { user, core } = await renderApp({ before: (core) => sharedWithBob(core, remote, bob) });
    const vaultId = personal(core).id;
    await goToVaults(user);
    expect(within(teamBar('Personal')).getByText('Synced just now')).toBeInTheDocument();

    // Both change Stripe before either syncs; Bob's change is the newer (his clock is an hour ahead).
    await setSecret(core, vaultId, 'Stripe', 'sk_from_alice');
    await setSecret(bob.core, teamVaultOf(bob), 'Stripe', 'sk_from_bob');
    await bob.core.teams.sync(teamVaultOf(bob));

    await user.click(within(teamBar('Personal')).getByRole('button', { name: 'Sync' }));
    expect(within(teamBar('Personal')).getByRole('button', { name: 'Syncing…' })).toBeDisabled();
    await waitFor(() => expect(teamStatus('Personal')).toHaveTextContent(/^Synced: /), GIT_WAIT);
    expect(teamStatus('Personal')).toHaveTextContent(
      '“Stripe” was changed by two people: the newer change was kept, the other is in its history.',
    );
    expect(core.vaults.entries.reveal(entryId(core, vaultId, 'Stripe')).secret).toBe('sk_from_bob');

    await user.click(screen.getByRole('button', { name: 'Show Stripe' }));
    const page = within(await findEntryPage('Stripe'));
    const history = page.getByRole('region', { name: 'History' });
    // Alice's key, kept from the merge, is a version of its own that names her (not a fingerprint).
    await waitFor(() => expect(history).toHaveTextContent(/Version 2, replaced just now · set by Alice/));
  });

  it('says offline with the changes waiting, then synced again once the repository is back', async () => {
    const remote = await bareRepo();
    const bob = await teammate('Bob');
    const { user, core } = await renderApp({ before: (core) => sharedWithBob(core, remote, bob) });
    const vaultId = personal(core).id;
    await goToVaults(user);

    await rename(remote, `${remote}.away`);
    await setSecret(core, vaultId, 'Other', 'o_changed_offline');
    await user.click(within(teamBar('Personal')).getByRole('button', { name: 'Sync' }));
    await waitFor(() => expect(teamStatus('Personal')).toHaveTextContent(/^Offline — 1 change waiting/), GIT_WAIT);
    expect(within(teamBar('Personal')).getByText('Offline — 1 change waiting')).toBeInTheDocument();

    await rename(`${remote}.away`, remote);
    await user.click(within(teamBar('Personal')).getByRole('button', { name: 'Sync' }));
    // The change was committed here by the offline sync (counted then): this one only pushes it.
    await waitFor(() => expect(teamStatus('Personal')).toHaveTextContent(/^Synced: /), GIT_WAIT);
    expect(within(teamBar('Personal')).getByText('Synced just now')).toBeInTheDocument();
    await bob.core.teams.sync(teamVaultOf(bob));
    expect(bob.core.vaults.entries.reveal(entryId(bob.core, teamVaultOf(bob), 'Other')).secret).toBe(
      'o_changed_offline',
    );
  });

  it('a read-only member: the bar says "Read only" and Add key says why it is disabled', async () => {
    const remote = await bareRepo();
    const alice = await teammate('Alice');
    const shared = await alice.core.vaults.vaults.createVault('Payments');
    await addEntry(alice.core, shared.id, { name: 'Stripe', secret: 'sk_readonly' });
    await alice.core.teams.share(shared.id, remote);
    const { user } = await renderApp({
      before: async (core) => {
        const me = await core.teamIdentity.create('Reader');
        await alice.core.teams.addMember(shared.id, me.line, { readOnly: true });
        await core.teams.join(remote, 'Payments');
      },
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: /^Payments,/ }));
    await screen.findByRole('heading', { level: 2, name: 'Payments' });
    const bar = within(teamBar('Payments'));
    expect(bar.getByText('Read only')).toBeInTheDocument();
    expect(bar.getByText('You can read this vault; your changes are not sent to the team.')).toBeInTheDocument();
    const addKey = await screen.findByRole('button', { name: 'Add key' });
    expect(addKey).toBeDisabled();
    expect(addKey).toHaveAccessibleDescription('You are a read-only member of this team vault.');

    // Edit and Delete on the row and on the entry's page are disabled and say why; Show still works.
    const reason = 'You are a read-only member of this team vault: your changes would not be sent.';
    for (const name of ['Edit Stripe', 'Delete Stripe']) {
      const button = await screen.findByRole('button', { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(reason);
    }
    await user.click(screen.getByRole('button', { name: 'Show Stripe' }));
    const page = within(await findEntryPage('Stripe'));
    for (const name of ['Edit', 'Delete']) {
      expect(page.getByRole('button', { name })).toBeDisabled();
      expect(page.getByRole('button', { name })).toHaveAccessibleDescription(reason);
    }
    expect(page.getByRole('button', { name: 'Move or copy' })).toBeEnabled();
  });
});
