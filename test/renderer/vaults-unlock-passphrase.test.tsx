import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { useLockStatus } from '../../renderer/src/stores/lock-status-store';
import { useUnlock } from '../../renderer/src/stores/unlock-store';
import { useVaults } from '../../renderer/src/stores/vaults-store';
import { renderApp } from './support/render-app';
import { addEntry, findEntryPage, goToVaults, personal, rowOf, vaultButton } from './support/vaults';

/** Each passphrase step runs scrypt (128 MiB, about half a second) in the real core: allow for it. */
const SCRYPT_WAIT = { timeout: 10_000 };

const PASSPHRASE = 'correct horse battery staple';
const WRONG = 'correct horse battery stable';

/** Personal with one entry, protected by the Keyhaven passphrase, and locked (as after a restart). */
async function protectedVault(core: Core, passphrase: string | null = PASSPHRASE): Promise<void> {
  await addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K-pass', preset: 'pyas' });
  if (passphrase) await core.vaults.passphrase.set({ passphrase });
  core.vaults.vaults.lockAll();
}

const group = (vault: string) => within(screen.getByRole('group', { name: vault }));
const storesHold = (text: string) =>
  [useVaults, useUnlock, useLockStatus].some((store) => JSON.stringify(store.getState()).includes(text));

describe('Unlock with a Keyhaven passphrase', { timeout: 30_000 }, () => {
  it('asks for it; a wrong one keeps the dialog open with the field selected; the right one unlocks and is forgotten', async () => {
    const { user, core } = await renderApp({ before: (core) => protectedVault(core) });
    await goToVaults(user);
    await user.click(group('Personal').getByRole('button', { name: 'Unlock' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Unlock Keyhaven' }));
    const field = dialog.getByLabelText('Keyhaven passphrase');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveFocus();

    // Nothing typed: said under the field, nothing sent.
    await user.click(dialog.getByRole('button', { name: 'Unlock' }));
    expect(field).toHaveAccessibleDescription('Enter your Keyhaven passphrase.');

    await user.type(field, WRONG);
    await user.click(dialog.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('That is not your Keyhaven passphrase. Try again.'));
    expect(screen.getByRole('dialog', { name: 'Unlock Keyhaven' })).toBeInTheDocument();
    expect(field).toHaveFocus();
    expect([(field as HTMLInputElement).selectionStart, (field as HTMLInputElement).selectionEnd]).toEqual([
      0,
      WRONG.length,
    ]);
    expect(personal(core).locked).toBe(true);

    await user.keyboard(PASSPHRASE); // typed over the selected wrong one
    expect(field).toHaveValue(PASSPHRASE);
    await user.click(dialog.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SCRYPT_WAIT);
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('1 entry · Unlocked'));
    expect(storesHold(PASSPHRASE) || storesHold(WRONG)).toBe(false);
    expect(document.body.innerHTML).not.toContain(PASSPHRASE);

    // Cancel leaves the vault locked; the next Unlock asks again, with an empty field.
    await user.click(group('Personal').getByRole('button', { name: 'Lock' }));
    await waitFor(() => expect(vaultButton('Personal')).toHaveTextContent('Locked'));
    await user.click(group('Personal').getByRole('button', { name: 'Unlock' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Unlock Keyhaven' }));
    expect(dialog.getByLabelText('Keyhaven passphrase')).toHaveValue('');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SCRYPT_WAIT);
    expect(personal(core).locked).toBe(true);
    expect(useUnlock.getState().request).toBeNull();
  });

  it('Unlock to show, in place of Show and Copy, asks for the passphrase and then shows the key', async () => {
    const { user } = await renderApp({ before: (core) => protectedVault(core) });
    await goToVaults(user);
    const row = rowOf('Personal', 'Pyas prod');
    expect(within(row).queryByRole('button', { name: 'Show Pyas prod' })).not.toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Unlock to show Pyas prod' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Unlock Keyhaven' }));
    await user.type(dialog.getByLabelText('Keyhaven passphrase'), `${PASSPHRASE}{Enter}`);
    const shown = within(await findEntryPage('Pyas prod', SCRYPT_WAIT));
    expect(await shown.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-pass');
    expect(screen.queryByRole('dialog', { name: 'Unlock Keyhaven' })).not.toBeInTheDocument();
  });

  it('without a passphrase, Unlock and Unlock to show stay one click', async () => {
    const { user, core } = await renderApp({ before: (core) => protectedVault(core, null) });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Unlock to show Pyas prod' }));
    const shown = within(await findEntryPage('Pyas prod', SCRYPT_WAIT));
    expect(await shown.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-pass');
    expect(screen.queryByRole('dialog', { name: 'Unlock Keyhaven' })).not.toBeInTheDocument();
    expect(personal(core).locked).toBe(false);
    expect(screen.getByRole('heading', { level: 2, name: 'Pyas prod' })).toBeInTheDocument();
  });
});
