import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { renderApp } from './support/render-app';
import { personal } from './support/vaults';

/** Each passphrase step runs scrypt (128 MiB, about half a second) in the real core: allow for it. */
const SCRYPT_WAIT = { timeout: 10_000 };

const FIRST = 'correct horse battery staple';
const SECOND = 'purple elephant umbrella sky';

const section = () => within(screen.getByRole('region', { name: 'Keyhaven passphrase' }));
const status = () => screen.getAllByRole('status').map((s) => s.textContent);

async function goToSettings(user: UserEvent): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Settings' }));
  await section().findByText(/^(On|Off):/);
}

/** Unlock with a passphrase, as main sees it: the answer's code, or "unlocked". */
async function unlockWith(core: Core, passphrase: string): Promise<string> {
  core.vaults.vaults.lockAll();
  return core.vaults.vaults.unlock(personal(core).id, passphrase).then(
    () => 'unlocked',
    (error: { code: string }) => error.code,
  );
}

describe('Settings: the Keyhaven passphrase', { timeout: 40_000 }, () => {
  it('sets one (checked first), changes it (the current one required), and removes it', async () => {
    const { user, core, keychain } = await renderApp();
    await goToSettings(user);
    expect(section().getByText(/^Off: Unlock needs only your login/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Keyhaven passphrase' })).toHaveTextContent(
      'Vault data keys are also wrapped under a key derived from it with scrypt; a copy of the keychain item alone no longer opens them.',
    );

    // Set: too short, then two that differ, then right.
    await user.click(section().getByRole('button', { name: 'Set a passphrase…' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Set a Keyhaven passphrase' }));
    const next = dialog.getByLabelText('New passphrase');
    const again = dialog.getByLabelText('Type the new passphrase again');
    await user.type(next, 'too short');
    await user.click(dialog.getByRole('button', { name: 'Set passphrase' }));
    expect(next).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 10 characters: a few words are easy to type and hard to guess.'),
    );
    expect(next).toHaveFocus();
    await user.clear(next);
    await user.type(next, FIRST);
    await user.type(again, `${FIRST}!`);
    await user.click(dialog.getByRole('button', { name: 'Set passphrase' }));
    expect(again).toHaveAccessibleDescription('The two passphrases are not the same. Type the new one again.');
    expect(core.vaults.vaults.protection()).toBe('none');
    await user.clear(again);
    await user.type(again, FIRST);
    // The keychain away: said in the dialog, which keeps what was typed; nothing changed.
    keychain.unavailable = true;
    await user.click(dialog.getByRole('button', { name: 'Set passphrase' }));
    const alert = await dialog.findByRole('alert', {}, SCRYPT_WAIT);
    expect(alert).toHaveTextContent('The passphrase was not set');
    expect(next).toHaveValue(FIRST);
    expect(core.vaults.vaults.protection()).toBe('none');
    keychain.unavailable = false;
    await user.click(dialog.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SCRYPT_WAIT);
    expect(status()).toContain('Passphrase set. Unlock now asks for it.');
    expect(section().getByText(/^On: Unlock asks for your passphrase\./)).toBeInTheDocument();
    expect(core.vaults.vaults.protection()).toBe('passphrase');
    expect(core.vaults.vaults.settings().passphraseOffered).toBe(true); // the first-run offer is answered

    // Change: a wrong current passphrase is said under its field; nothing changes.
    await user.click(section().getByRole('button', { name: 'Change passphrase…' }));
    dialog = within(screen.getByRole('dialog', { name: 'Change the Keyhaven passphrase' }));
    const current = dialog.getByLabelText('Current passphrase');
    await user.type(current, 'not the passphrase');
    await user.type(dialog.getByLabelText('New passphrase'), SECOND);
    await user.type(dialog.getByLabelText('Type the new passphrase again'), SECOND);
    await user.click(dialog.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(
      () => expect(current).toHaveAccessibleDescription('That is not your Keyhaven passphrase. Try again.'),
      SCRYPT_WAIT,
    );
    expect(current).toHaveFocus();
    await user.clear(current);
    await user.type(current, FIRST);
    await user.click(dialog.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SCRYPT_WAIT);
    expect(status()).toContain('Passphrase changed. Unlock now asks for the new one.');
    expect(await unlockWith(core, FIRST)).toBe('WRONG_PASSPHRASE');
    expect(await unlockWith(core, SECOND)).toBe('unlocked');

    // Remove: the current passphrase, then Unlock asks for nothing more.
    await user.click(section().getByRole('button', { name: 'Remove passphrase…' }));
    dialog = within(screen.getByRole('dialog', { name: 'Remove the Keyhaven passphrase' }));
    await user.click(dialog.getByRole('button', { name: 'Remove passphrase' }));
    expect(dialog.getByLabelText('Current passphrase')).toHaveAccessibleDescription('Enter your Keyhaven passphrase.');
    await user.type(dialog.getByLabelText('Current passphrase'), SECOND);
    await user.click(dialog.getByRole('button', { name: 'Remove passphrase' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SCRYPT_WAIT);
    expect(status()).toContain('Passphrase removed. Unlock no longer asks for one.');
    expect(section().getByRole('button', { name: 'Set a passphrase…' })).toBeInTheDocument();
    expect(core.vaults.vaults.protection()).toBe('none');
    core.vaults.vaults.lockAll();
    expect((await core.vaults.vaults.unlock(personal(core).id)).locked).toBe(false);
  });
});
