// Team vaults in the app (issue 15): Members — the list, your line, Add member, Remove and what to rotate after it.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import { renderApp } from './support/render-app';
import { bareRepo, GIT_WAIT, teamBar, teammate, teamVaultOf } from './support/team';
import { addEntry, dialogNamed, findEntryPage, goToVaults, personal, rowOf, withIssuedKey } from './support/vaults';

describe('Team vaults: members', { timeout: 90_000 }, () => {
  it('lists members, adds one read-only, removes one and rotates the issued keys they saw', async () => {
    const remote = await bareRepo();
    const bob = await teammate('Bob');
    const carol = await teammate('Carol');
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp({
      before: async (core) => {
        await withIssuedKey(seeded)(core);
        await addEntry(core, personal(core).id, { name: 'Stripe', secret: 'sk_members_test' });
        await core.teams.share(personal(core).id, remote, 'Alice');
        await core.teams.addMember(personal(core).id, bob.line);
        await bob.core.teams.join(remote, 'Shared');
      },
    });
    await goToVaults(user);
    await user.click(within(teamBar('Personal')).getByRole('button', { name: 'Members' }));
    const dialog = within(dialogNamed('Members of Personal'));
    const list = dialog.getByRole('list', { name: 'Members' });
    const items = () => within(list).getAllByRole('listitem');
    expect(items().map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Aliceyou[0-9a-f]{4}( [0-9a-f]{4}){3}$/),
      expect.stringMatching(/^Bob[0-9a-f]{4}( [0-9a-f]{4}){3}Remove$/),
    ]);
    expect(within(items()[0]!).queryByRole('button')).not.toBeInTheDocument(); // no Remove on yourself
    const mine = await core.teamIdentity.view();
    expect(await dialog.findByLabelText('Your member line')).toHaveValue(mine?.line);

    // Add member: empty, then a line that is not one (main's message under the field), then Carol's, read only.
    const line = dialog.getByLabelText('Their member line');
    await user.click(dialog.getByRole('button', { name: 'Add member' }));
    expect(line).toHaveAccessibleDescription(/Paste the member line your teammate sent you\./);
    await user.type(line, 'not a member line');
    await user.click(dialog.getByRole('button', { name: 'Add member' }));
    await waitFor(() => expect(line).toHaveAttribute('aria-invalid', 'true'), GIT_WAIT);
    expect(line).not.toHaveAccessibleDescription(/Paste the member line/);
    await user.clear(line);
    await user.click(line);
    await user.paste(carol.line);
    await user.click(dialog.getByRole('checkbox', { name: 'Read only' }));
    await user.click(dialog.getByRole('button', { name: 'Add member' }));
    expect(await dialog.findByText('Carol was added (read only).', {}, GIT_WAIT)).toBeInTheDocument();
    expect(items()[2]).toHaveTextContent(/^Carolread-only/);
    expect(dialog.getByLabelText('Their member line')).toHaveValue('');
    expect(dialog.getByLabelText('Their member line')).toHaveFocus();

    // Remove Bob: a confirmation, then what Bob could read, and Rotate issued keys for Keyhaven's own.
    await user.click(dialog.getByRole('button', { name: 'Remove Bob' }));
    const confirm = within(dialogNamed('Remove Bob from Personal?'));
    expect(confirm.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(confirm.getByRole('button', { name: 'Remove' }));
    const result = within(await screen.findByRole('dialog', { name: 'Bob was removed' }, GIT_WAIT));
    const exposed = result.getByRole('list', { name: 'Seen by a removed member — rotate' });
    expect(
      within(exposed)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(expect.arrayContaining(['Production · issued by Keyhaven', 'Stripe']));
    await user.click(result.getByRole('button', { name: 'Rotate issued keys' }));
    expect(
      await result.findByText(/^Rotated Production: the new keys are in the vault/, {}, GIT_WAIT),
    ).toBeInTheDocument();
    expect(result.queryByRole('button', { name: 'Rotate issued keys' })).not.toBeInTheDocument();
    expect(core.teams.teamVaultIds()).toHaveLength(1);
    expect((await core.teams.status(personal(core).id)).former.map((member) => member.name)).toEqual(['Bob']);
    await user.click(result.getByRole('button', { name: 'Done' }));

    // Stripe is still the key Bob saw: marked on its row and its page; Production was rotated, so not.
    await waitFor(() => expect(rowOf('Personal', 'Stripe')).toHaveTextContent(/Seen by a removed member — rotate/i));
    expect(rowOf('Personal', 'Production')).not.toHaveTextContent('Seen by a removed member');
    await user.click(screen.getByRole('button', { name: 'Show Stripe' }));
    expect(within(await findEntryPage('Stripe')).getByText('Seen by a removed member — rotate')).toBeInTheDocument();
    // Bob's next sync tells him he is out.
    expect((await bob.core.teams.sync(teamVaultOf(bob))).state).toBe('removed');
  });
});
