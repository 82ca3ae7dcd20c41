// Deleting a key offers Undo for a few seconds (issue 14, item 6): main puts back the same entry,
// with its key and history, and the page never holds the key on the way.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { UNDO_TOAST_MS } from '../../renderer/src/features/vaults/UndoDeleteToast';
import { renderApp } from './support/render-app';
import { addEntry, dialogNamed, goToVaults, personal } from './support/vaults';

const toast = () => screen.getByText(/^Deleted /).closest('.undo-toast') as HTMLElement;

async function seed(core: Core) {
  const id = personal(core).id;
  await addEntry(core, id, { name: 'Keep', secret: 'keep-key' });
  const drop = await addEntry(core, id, { name: 'Pyas prod', secret: 'old-key', preset: 'pyas' });
  await core.vaults.entries.updateEntry({ entryId: drop.id, secret: 'new-key' });
}

async function deleteThroughUi(user: Awaited<ReturnType<typeof renderApp>>['user'], name: string) {
  await user.click(screen.getByRole('button', { name: `Delete ${name}` }));
  const dialog = dialogNamed('Delete key');
  expect(dialog).toHaveTextContent('You can undo it for a few seconds.');
  await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: `Show ${name}` })).not.toBeInTheDocument());
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Delete with Undo', { timeout: 20_000 }, () => {
  it('"Deleted Pyas prod · Undo" brings the entry back with its key and history', async () => {
    const { user, core } = await renderApp({ before: seed });
    await goToVaults(user);
    await deleteThroughUi(user, 'Pyas prod');
    const vaultId = personal(core).id;
    expect(core.vaults.entries.listEntries(vaultId).map((e) => e.name)).toEqual(['Keep']);
    expect(toast()).toHaveTextContent('Deleted Pyas prod');
    expect(screen.getByText('1 of 1 entry')).toBeInTheDocument();

    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Show Pyas prod' })).toBeInTheDocument();
    expect(screen.queryByText(/^Deleted /)).not.toBeInTheDocument();
    expect(screen.getByText('2 of 2 entries')).toBeInTheDocument();
    const restored = core.vaults.entries.listEntries(vaultId).find((e) => e.name === 'Pyas prod')!;
    expect(restored.history.map((h) => h.version)).toEqual([1]);
    expect(core.vaults.entries.reveal(restored.id).secret).toBe('new-key');
    expect(core.vaults.entries.reveal(restored.id, 1).secret).toBe('old-key');
    expect(document.body.textContent).not.toMatch(/(old|new)-key/);
  });

  it('the offer ends after a few seconds, and the entry stays deleted', async () => {
    const { user, core } = await renderApp({ before: seed });
    await goToVaults(user);
    // Timeouts the test moves on (they also run in real time, which the core's own waits need).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    await deleteThroughUi(user, 'Pyas prod');
    expect(screen.getByText('Deleted Pyas prod')).toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(UNDO_TOAST_MS - 2_000));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(2_000));
    vi.useRealTimers();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(core.vaults.entries.listEntries(personal(core).id).map((e) => e.name)).toEqual(['Keep']);
  });

  it('an Undo main refuses (the vault was deleted meanwhile) says why and restores nothing', async () => {
    const { user, core } = await renderApp({
      before: async (c) => {
        const team = await c.vaults.vaults.createVault('Team');
        await addEntry(c, team.id, { name: 'Team key', secret: 'team-key' });
      },
    });
    await goToVaults(user);
    await user.click(
      within(screen.getByRole('navigation', { name: 'Vaults' })).getByRole('button', { name: /^Team,/ }),
    );
    await screen.findByRole('button', { name: 'Show Team key' });
    const team = core.vaults.vaults.listVaults().find((v) => v.name === 'Team')!;
    await core.vaults.vaults.unlock(team.id);
    await deleteThroughUi(user, 'Team key');
    await core.vaults.vaults.deleteVault(team.id);
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('"Team key" cannot be restored: its vault was deleted.')).toBeInTheDocument();
    expect(core.vaults.db.snapshot().entries).toEqual([]);
  });
});
