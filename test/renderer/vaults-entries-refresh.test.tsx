// Vault entries re-read on coming back to the screen: a rotation made elsewhere shows, the rows stay meanwhile.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { gate, goTo, renderApp } from './support/render-app';
import { addEntry, dialogNamed, goToVaults, personal, revealThroughUi, rowOf, withIssuedKey } from './support/vaults';

describe('Vault entries', { timeout: 20_000 }, () => {
  it('re-reads the entries on coming back, so a rotation made on the Keys tab shows without a focus event', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp({ before: withIssuedKey(seeded) });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Edit Production' }));
    const before = dialogNamed('Edit Production');
    expect(within(before).getByRole('region', { name: 'History' })).toHaveTextContent('No previous versions');
    await user.click(within(before).getByRole('button', { name: 'Cancel' }));

    // Elsewhere: the key is rotated (the entry count stays 1). No window focus brings the screen back.
    await goTo(user, 'Apps');
    const rotated = await core.issuing.rotate(seeded.key!.key.id, '1h');
    expect(rotated.vaultUpdate.updatedEntries).toBe(1);
    await goToVaults(user);

    await user.click(screen.getByRole('button', { name: 'Edit Production' }));
    const history = within(dialogNamed('Edit Production')).getByRole('region', { name: 'History' });
    await waitFor(() =>
      expect(within(history).getByRole('listitem')).toHaveTextContent(/^Version 1, replaced just now · kept until /),
    );
    await user.click(within(dialogNamed('Edit Production')).getByRole('button', { name: 'Cancel' }));
    expect(await revealThroughUi(user, 'Production')).toBe(rotated.plaintext);
    expect(rotated.plaintext).not.toBe(seeded.key!.plaintext);
  });

  it('keeps the rows it has on screen while it re-reads them', async () => {
    let hold: Promise<void> | null = null;
    const { user, core } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas' });
      },
      wrapApi: (api: KeyhavenApi) => ({
        ...api,
        entries: {
          ...api.entries,
          list: async (input) => {
            if (hold) await hold;
            return api.entries.list(input);
          },
        },
      }),
    });
    await goToVaults(user);
    expect(rowOf('Personal', 'Pyas prod')).toBeInTheDocument();
    await goTo(user, 'Apps');
    const [entry] = core.vaults.entries.listEntries(personal(core).id);
    await core.vaults.entries.updateEntry({ entryId: entry!.id, name: 'Pyas live' });

    const reload = gate();
    hold = reload.promise;
    await goToVaults(user);
    // While main answers: the rows read before, not "Loading entries…" or an empty table.
    expect(rowOf('Personal', 'Pyas prod')).toBeInTheDocument();
    expect(screen.queryByText('Loading entries…')).not.toBeInTheDocument();
    hold = null;
    reload.open();
    await waitFor(() => expect(rowOf('Personal', 'Pyas live')).toBeInTheDocument());
  });
});
