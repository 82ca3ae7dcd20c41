// Team vaults in the app (issue 15): Share with a team and Join a team vault, against the real core and real git.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { gate, renderApp } from './support/render-app';
import { bareRepo, GIT_WAIT, teamBar, teammate, teamVaultOf } from './support/team';
import { addEntry, dialogNamed, goToVaults, personal, rowOf } from './support/vaults';

describe('Team vaults: share and join', { timeout: 90_000 }, () => {
  it('shares a vault: asks the name once, shows field errors under the fields, "Sharing…", then the team bar', async () => {
    const remote = await bareRepo();
    const held = gate();
    const { user, core } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Stripe', secret: 'sk_live_share_test' });
      },
      wrapApi: (api: KeyhavenApi) => ({
        ...api,
        teams: {
          ...api.teams,
          share: async (input) => {
            await held.promise;
            return api.teams.share(input);
          },
        },
      }),
    });
    await goToVaults(user);
    expect(screen.queryByRole('region', { name: 'Team of Personal' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Share with a team' }));
    const dialog = within(dialogNamed('Share Personal with a team'));
    expect(dialog.getByText(/the git host sees nothing but how many there are and their sizes/)).toBeInTheDocument();
    const name = await dialog.findByLabelText('Your name (teammates see it)');

    await user.type(dialog.getByLabelText('Repository (path or URL)'), 'relative/team.git');
    await user.click(dialog.getByRole('button', { name: 'Share' }));
    expect(dialog.getByLabelText('Repository (path or URL)')).toHaveAccessibleDescription(
      /Use an absolute path, an https:\/\/ or ssh:\/\/ URL, or user@host:path\./,
    );
    expect(name).toHaveAccessibleDescription(/Enter the name your teammates will see\./);

    await user.clear(dialog.getByLabelText('Repository (path or URL)'));
    await user.type(dialog.getByLabelText('Repository (path or URL)'), remote);
    await user.type(name, 'Alice');
    await user.click(dialog.getByRole('button', { name: 'Share' }));
    expect(dialog.getByRole('button', { name: 'Sharing…' })).toBeDisabled();
    expect(dialog.getByRole('status')).toHaveTextContent('Sharing Personal');
    held.open();

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), GIT_WAIT);
    const bar = within(teamBar('Personal'));
    expect(bar.getByText(remote)).toBeInTheDocument();
    expect(bar.getByText('Synced just now')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share with a team' })).not.toBeInTheDocument();
    expect(await core.teamIdentity.view()).toMatchObject({ name: 'Alice' });

    // Already shared: the identity is kept, so another vault's share asks only for the repository.
    await user.click(screen.getByRole('button', { name: 'New vault' }));
    await user.type(within(dialogNamed('New vault')).getByLabelText('Vault name'), 'Second');
    await user.click(within(dialogNamed('New vault')).getByRole('button', { name: 'Create vault' }));
    await screen.findByRole('heading', { level: 2, name: 'Second' });
    await user.click(screen.getByRole('button', { name: 'Share with a team' }));
    const second = within(dialogNamed('Share Second with a team'));
    expect(second.queryByLabelText('Your name (teammates see it)')).not.toBeInTheDocument();
    // The same repository already holds a team vault: the core refuses, the dialog says why.
    await user.type(second.getByLabelText('Repository (path or URL)'), remote);
    held.open();
    await user.click(second.getByRole('button', { name: 'Share' }));
    expect(await second.findByText(/This repository already holds files/, {}, GIT_WAIT)).toBeInTheDocument();
    expect(second.getByText('The vault was not shared')).toBeInTheDocument();
  });

  it('joins: shows the member line to send, says clearly when not added yet, then joins once added', async () => {
    const remote = await bareRepo();
    const alice = await teammate('Alice');
    const shared = await alice.core.vaults.vaults.createVault('Payments');
    await addEntry(alice.core, shared.id, { name: 'Stripe', secret: 'sk_live_join_test' });
    await alice.core.teams.share(shared.id, remote);

    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Join a team vault' }));
    const dialog = within(dialogNamed('Join a team vault'));
    expect(
      dialog.getByText('Send this line to a member of the team; once they add you, join here.'),
    ).toBeInTheDocument();
    expect(dialog.getByLabelText('Vault name')).toHaveValue('Team vault');
    await user.type(await dialog.findByLabelText('Your name (teammates see it)'), 'Bob');
    await user.click(dialog.getByRole('button', { name: 'Show my member line' }));
    const line = await dialog.findByLabelText('Your member line');
    const bob = await core.teamIdentity.view();
    expect(line).toHaveValue(bob?.line);
    expect(line).toHaveAccessibleDescription(new RegExp(`Bob · fingerprint ${bob?.fingerprint}`));
    await user.click(dialog.getByRole('button', { name: 'Copy' }));
    expect(await dialog.findByText('Copied your member line.')).toBeInTheDocument();
    expect(dialog.queryByLabelText('Your name (teammates see it)')).not.toBeInTheDocument();

    await user.type(dialog.getByLabelText('Repository (path or URL)'), remote);
    await user.click(dialog.getByRole('button', { name: 'Join' }));
    expect(await dialog.findByText('You have not been added yet', {}, GIT_WAIT)).toBeInTheDocument();
    expect(dialog.getByText(/You are not a member of this team vault: send your member line/)).toBeInTheDocument();
    expect(core.vaults.vaults.listVaults().map((vault) => vault.name)).toEqual(['Personal']);

    await alice.core.teams.addMember(shared.id, bob?.line ?? '');
    await user.click(dialog.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), GIT_WAIT);
    await screen.findByRole('heading', { level: 2, name: 'Team vault' });
    expect(within(teamBar('Team vault')).getByText(/^Synced /)).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Entries of Team vault' })).toBeInTheDocument();
    await waitFor(() => expect(rowOf('Team vault', 'Stripe')).toBeInTheDocument());
    expect(teamVaultOf({ core })).toBeTruthy();
  });
});
