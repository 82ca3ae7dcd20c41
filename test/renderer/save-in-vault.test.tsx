import { render, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { StoreKeyStep } from '../../renderer/src/features/keys/StoreKeyStep';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import { generateInput } from '../support/generate-input';
import { openApp, renderApp } from './support/render-app';
import { vaultNamed } from './support/transfer';
import { generateThroughUi } from './support/wizard';

const ROTATED_NOTICE =
  'The vault entry now holds the new key; the old key stays in its history until the grace period ends.';

/** Pyas, and optionally more vaults next to the default "Personal". */
const withApp = (...extraVaults: string[]) => ({
  before: async (core: Core) => {
    await core.apps.create({ name: 'Pyas' });
    for (const name of extraVaults) await core.vaults.vaults.createVault(name);
  },
});

const vaultSlot = (dialog: HTMLElement) => dialog.querySelector<HTMLElement>('[data-slot="vault"]')!;
const storedBox = (dialog: HTMLElement) =>
  within(dialog).getByRole('checkbox', { name: 'I have stored the key in a safe place' });

/** Show, read the key off the page, Hide again. */
async function readKey(user: UserEvent, dialog: HTMLElement): Promise<string> {
  await user.click(within(dialog).getByRole('button', { name: 'Show' }));
  const plaintext = screen.getByTestId('api-key-value').textContent ?? '';
  await user.click(within(dialog).getByRole('button', { name: 'Hide' }));
  return plaintext;
}

const onlyKey = (core: Core) => core.keys.list(core.apps.list()[0]!.id)[0]!;

/** Save in vault, then the same button under "Save your API key in <vault>?"; resolves with that one. */
async function saveAndConfirm(user: UserEvent, slot: HTMLElement): Promise<HTMLElement> {
  await user.click(await within(slot).findByRole('button', { name: 'Save in vault' }));
  const confirm = within(within(slot).getByRole('group', { name: /^Save your API key in / })).getByRole('button', {
    name: 'Save in vault',
  });
  await user.click(confirm);
  return confirm;
}

describe('Save in vault on "Store your API key"', () => {
  it('with one vault: no "Select vault"; saving, once confirmed, stores the same key and says where; Done still waits for the box', async () => {
    const { user, core } = await renderApp(withApp());
    const dialog = await generateThroughUi(user, { name: 'Production', scopes: ['Read items', 'Read users'] });
    const slot = vaultSlot(dialog);
    expect(await within(slot).findByRole('button', { name: 'Save in vault' })).toBeEnabled();
    expect(within(slot).queryByLabelText('Select vault')).not.toBeInTheDocument();
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();

    const plaintext = await readKey(user, dialog);
    await saveAndConfirm(user, slot);
    const status = await within(slot).findByText('Saved in the vault "Personal".');
    // Focus moves to the status in an effect after it is drawn: wait for it, as a busy runner may lag.
    await waitFor(() => expect(status).toHaveFocus());
    expect(within(slot).queryByRole('button', { name: 'Save in vault' })).not.toBeInTheDocument();
    // Cerby: the user still selects "I have stored the key in a safe place", then Done.
    expect(storedBox(dialog)).not.toBeChecked();
    expect(done).toBeDisabled();
    await user.click(storedBox(dialog));
    expect(done).toBeEnabled();

    const personal = vaultNamed(core, 'Personal');
    const entries = core.vaults.entries.listEntries(personal.id);
    expect(entries).toHaveLength(1);
    const key = onlyKey(core);
    expect(entries[0]).toMatchObject({
      name: 'Production',
      kind: 'issued',
      service: 'Keyhaven',
      appName: 'Pyas',
      issuedKeyId: key.id,
      scopes: ['Read items', 'Read users'],
      expiresAt: key.expiresAt,
    });
    expect(core.vaults.entries.reveal(entries[0]!.id).secret).toBe(plaintext);
    expect(core.activity.list({ issuedKeyId: key.id }).map((r) => r.type)).toContain('key.savedInVault');

    // Done closes the page, and main lets go of the plaintext: nothing can save or copy it any more.
    await user.click(done);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(() => core.issuing.copy(key.id)).rejects.toMatchObject({ code: 'NOT_FOUND' }));
  });

  it('with two vaults: "Select vault" chooses where the key goes', async () => {
    const { user, core } = await renderApp(withApp('Team'));
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const slot = vaultSlot(dialog);
    const select = await within(slot).findByLabelText('Select vault');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(core.vaults.vaults.listVaults().map((v) => v.name));
    expect(within(select).getAllByRole('option')).toHaveLength(2);
    await user.selectOptions(select, 'Team');
    await saveAndConfirm(user, slot);
    expect(await within(slot).findByText('Saved in the vault "Team".')).toBeInTheDocument();

    expect(core.vaults.entries.listEntries(vaultNamed(core, 'Team').id)).toHaveLength(1);
    expect(core.vaults.entries.listEntries(vaultNamed(core, 'Personal').id)).toHaveLength(0);
  });

  it('says so when the key is already saved (CONFLICT), and saves nothing twice', async () => {
    const { user, core } = await renderApp(withApp());
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const personal = vaultNamed(core, 'Personal');
    await core.issuing.saveInVault(onlyKey(core).id, personal.id); // e.g. from another window

    await saveAndConfirm(user, vaultSlot(dialog));
    const alert = await within(vaultSlot(dialog)).findByRole('alert');
    expect(alert).toHaveTextContent('Already in a vault');
    expect(alert).toHaveTextContent('This key is already saved in a vault as "Production".');
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeDisabled();
    expect(core.vaults.entries.listEntries(personal.id)).toHaveLength(1);
  });

  it('shows a keychain failure inline, keeps the key, and saves on the next try', async () => {
    const { user, core, keychain } = await renderApp(withApp());
    const dialog = await generateThroughUi(user, { name: 'Production' });
    core.vaults.vaults.lockAll();
    keychain.unavailable = true;

    const save = await saveAndConfirm(user, vaultSlot(dialog));
    const alert = await within(vaultSlot(dialog)).findByRole('alert');
    expect(alert).toHaveTextContent('Not saved in the vault');
    expect(alert).toHaveTextContent(/keychain/i);
    expect(save).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeDisabled();
    expect(core.vaults.entries.listEntries(vaultNamed(core, 'Personal').id)).toHaveLength(0);

    keychain.unavailable = false;
    await user.click(save);
    expect(await within(vaultSlot(dialog)).findByText('Saved in the vault "Personal".')).toBeInTheDocument();
    expect(within(vaultSlot(dialog)).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('without any vault: says where vaults are made, and the checkbox still enables Done', async () => {
    const { user } = await renderApp({
      before: async (core: Core) => {
        await core.apps.create({ name: 'Pyas' });
        for (const vault of core.vaults.vaults.listVaults()) await core.vaults.vaults.deleteVault(vault.id);
      },
    });
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const slot = vaultSlot(dialog);
    expect(await within(slot).findByText(/There is no vault to save this key in/)).toHaveTextContent(
      'You can create one on the Vaults screen',
    );
    expect(within(slot).queryByRole('button', { name: 'Save in vault' })).not.toBeInTheDocument();
    await user.click(storedBox(dialog));
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeEnabled();
  });

  it('copies through main, which records it once and clears the clipboard later', async () => {
    const { user, core, platform, writeText } = await renderApp(withApp());
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const plaintext = await readKey(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByText('Copied. The clipboard will be cleared in 30 s.')).toBeInTheDocument();
    expect(platform.text).toBe(plaintext);
    expect(writeText).not.toHaveBeenCalled();
    const types = core.activity.list({ issuedKeyId: onlyKey(core).id }).map((r) => r.type);
    expect(types.filter((t) => t === 'key.copied')).toHaveLength(1);

    await platform.runTimers();
    expect(platform.text).toBe('');
  });

  it('lets main drop the plaintext when the page is closed with "Close anyway"', async () => {
    const { user, core } = await renderApp(withApp());
    const dialog = await generateThroughUi(user, { name: 'Production' });
    const key = onlyKey(core);
    await expect(core.issuing.copy(key.id)).resolves.toEqual({ clearsAfterSeconds: 30 }); // still held
    await user.keyboard('{Escape}');
    await user.click(within(dialog).getByRole('button', { name: 'Close anyway' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(() => core.issuing.copy(key.id)).rejects.toMatchObject({ code: 'NOT_FOUND' }));
  });

  it("keeps main's plaintext through StrictMode's mount, unmount and remount (development builds)", async () => {
    const { user, core } = await renderApp(withApp());
    const generated = await core.issuing.generate(generateInput(core.apps.list()[0]!.id));
    render(
      <StrictMode>
        <StoreKeyStep generated={generated} headerScheme="x-api-key" stored={false} onStoredChange={() => {}} />
      </StrictMode>,
    );
    await new Promise((resolve) => setTimeout(resolve, 10)); // past the deferred discard, had it run
    await saveAndConfirm(user, document.body);
    expect(await screen.findByText('Saved in the vault "Personal".')).toBeInTheDocument();
    expect(core.vaults.entries.findByIssuedKey(generated.key.id)?.name).toBe('Production');
  });
});

describe('Rotating a key saved in a vault', () => {
  /** Pyas with "Production", generated and saved in "Personal" through the core. */
  function withSavedKey(into: { key?: GeneratedKey }) {
    return {
      before: async (core: Core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        into.key = await core.issuing.generate(generateInput(app.id));
        await core.issuing.saveInVault(into.key.key.id, vaultNamed(core, 'Personal').id);
      },
    };
  }

  async function rotate(user: UserEvent, keyId: string, grace: string): Promise<HTMLElement> {
    await openApp(user, 'Pyas');
    const table = await screen.findByRole('table', { name: 'API keys of Pyas' });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByText(`pyas_${keyId}…`));
    await user.click(within(row!).getByRole('button', { name: 'Rotate' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate API key' });
    await user.click(within(dialog).getByRole('radio', { name: grace }));
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    await within(dialog).findByRole('heading', { name: 'Store your API key' });
    return dialog;
  }

  it('says the entry holds the new key, which it does, with the old one in its history', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core } = await renderApp(withSavedKey(seeded));
    const dialog = await rotate(user, seeded.key!.key.keyId, '24 hours');

    expect(within(vaultSlot(dialog)).getByRole('status')).toHaveTextContent(ROTATED_NOTICE);
    expect(within(dialog).queryByRole('button', { name: 'Save in vault' })).not.toBeInTheDocument();
    // The key is already in a vault, so it counts as stored.
    expect(storedBox(dialog)).toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeEnabled();

    const plaintext = await readKey(user, dialog);
    expect(plaintext).not.toBe(seeded.key!.plaintext);
    const [entry] = core.vaults.entries.listEntries(vaultNamed(core, 'Personal').id);
    expect(entry!.issuedKeyId).not.toBe(seeded.key!.key.id);
    expect(core.vaults.entries.reveal(entry!.id).secret).toBe(plaintext);
    expect(entry!.history).toHaveLength(1);
    expect(entry!.history[0]!.keepUntil).not.toBeNull();
    expect(core.vaults.entries.reveal(entry!.id, entry!.history[0]!.version).secret).toBe(seeded.key!.plaintext);
  });

  it('warns when the entry could not be updated, and offers Save in vault for the new key', async () => {
    const seeded: { key?: GeneratedKey } = {};
    const { user, core, keychain } = await renderApp(withSavedKey(seeded));
    core.vaults.vaults.lockAll();
    keychain.unavailable = true; // the rotation itself needs no keychain read (the pepper is cached)
    const dialog = await rotate(user, seeded.key!.key.keyId, 'Immediately');

    const warning = await within(vaultSlot(dialog)).findByRole('alert');
    expect(warning).toHaveTextContent(/^The vault entry holding the old key was not updated: .*Use Save in vault/);
    expect(within(vaultSlot(dialog)).queryByText(ROTATED_NOTICE)).not.toBeInTheDocument();
    expect(storedBox(dialog)).not.toBeChecked();
    expect(await within(vaultSlot(dialog)).findByRole('button', { name: 'Save in vault' })).toBeEnabled();
    const [entry] = core.vaults.entries.listEntries(vaultNamed(core, 'Personal').id);
    expect(entry!.issuedKeyId).toBe(seeded.key!.key.id); // unchanged
  });
});
