import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { goToVaults } from './support/vaults';

/** Each passphrase step runs scrypt (128 MiB, about half a second) in the real core: allow for it. */
const SCRYPT_WAIT = { timeout: 10_000 };

const PASSPHRASE = 'correct horse battery staple';
const TITLE = 'Protect your vaults with a Keyhaven passphrase';

const offer = () => screen.queryByText(TITLE)?.closest<HTMLElement>('[role="note"]') ?? null;

/** Leaves the Vaults screen and comes back: the offer is read afresh. */
async function revisitVaults(user: UserEvent): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Activity' }));
  await goToVaults(user);
}

describe('the first-run passphrase offer on the Vaults screen', { timeout: 30_000 }, () => {
  it('Not now answers it for good', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await waitFor(() => expect(offer()).not.toBeNull());
    await user.click(within(offer()!).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(offer()).toBeNull());
    expect(core.vaults.vaults.settings().passphraseOffered).toBe(true);
    expect(core.vaults.vaults.protection()).toBe('none');

    await revisitVaults(user);
    await screen.findByRole('heading', { level: 2, name: 'Personal' });
    expect(offer()).toBeNull();
  });

  it('Set a passphrase… sets one there and then, and the offer is not made again', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await waitFor(() => expect(offer()).not.toBeNull());
    await user.click(within(offer()!).getByRole('button', { name: 'Set a passphrase…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Set a Keyhaven passphrase' }));
    // Cancel is no answer: the offer stays.
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(offer()).not.toBeNull();
    expect(core.vaults.vaults.settings().passphraseOffered).toBe(false);

    await user.click(within(offer()!).getByRole('button', { name: 'Set a passphrase…' }));
    const again = within(screen.getByRole('dialog', { name: 'Set a Keyhaven passphrase' }));
    await user.type(again.getByLabelText('New passphrase'), PASSPHRASE);
    await user.type(again.getByLabelText('Type the new passphrase again'), PASSPHRASE);
    await user.click(again.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), SCRYPT_WAIT);
    expect(offer()).toBeNull();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Passphrase set. Unlock now asks for it.',
    );
    expect(core.vaults.vaults.protection()).toBe('passphrase');
    expect(core.vaults.vaults.settings().passphraseOffered).toBe(true);

    await revisitVaults(user);
    await screen.findByRole('heading', { level: 2, name: 'Personal' });
    expect(offer()).toBeNull();
  });
});
