// Vault entries: a key issued by Keyhaven (its app, scopes, rotated value) and whose expiry an entry may change.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ISSUED_EXPIRY_NOTE } from '../../renderer/src/features/vaults/ExpiryField';
import { formatAbsolute } from '../../renderer/src/lib/time';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import type { UpdateEntryInput } from '../../shared/domain/vault';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { generateInput } from '../support/generate-input';
import { renderApp } from './support/render-app';
import { addEntry, dialogNamed, goToVaults, personal, rowOf, withIssuedKey } from './support/vaults';

describe('Vault entries', { timeout: 20_000 }, () => {
  it('shows a key issued by Keyhaven with its app and scopes, and the rotated value kept until its grace ends', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const app = await core.apps.create({ name: 'Pyas' });
        const issued = await core.issuing.generate(generateInput(app.id, { scopes: ['read:items', 'read:users'] }));
        await core.issuing.saveInVault(issued.key.id, personal(core).id);
        await core.issuing.rotate(issued.key.id, '24h');
      },
    });
    await goToVaults(user);
    expect(rowOf('Personal', 'Production')).toHaveTextContent('Issued by Keyhaven · Pyas');
    await user.click(screen.getByRole('button', { name: 'Edit Production' }));
    const dialog = within(dialogNamed('Edit Production'));
    expect(dialog.getByText('Issued by Keyhaven · Pyas')).toBeInTheDocument();
    expect(within(dialog.getByRole('list', { name: 'Scopes' })).getAllByRole('listitem')).toHaveLength(2);
    expect(dialog.queryByLabelText('Service preset')).not.toBeInTheDocument();
    expect(within(dialog.getByRole('region', { name: 'History' })).getByRole('listitem')).toHaveTextContent(
      /Version 1, replaced just now · kept until /,
    );
  });

  it("shows an issued key's expiry read-only, following the key, and leaves it out of the update", async () => {
    const seeded: { key?: GeneratedKey } = {};
    const sent: UpdateEntryInput[] = [];
    const { user, core } = await renderApp({
      before: withIssuedKey(seeded),
      wrapApi: (api: KeyhavenApi) => ({
        ...api,
        entries: { ...api.entries, update: (input) => (sent.push(input), api.entries.update(input)) },
      }),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Edit Production' }));
    const dialog = within(dialogNamed('Edit Production'));
    expect(dialog.queryByLabelText('Expires (optional)')).not.toBeInTheDocument();
    const expires = dialog.getByLabelText('Expires');
    expect(expires).toHaveAttribute('readonly');
    expect(expires).toHaveValue(formatAbsolute(seeded.key!.key.expiresAt!));
    expect(expires).toHaveAccessibleDescription(ISSUED_EXPIRY_NOTE);
    expect(ISSUED_EXPIRY_NOTE).toMatch(/^Follows the issued key/);
    await user.type(expires, '2030'); // read-only: typing changes nothing
    expect(expires).toHaveValue(formatAbsolute(seeded.key!.key.expiresAt!));

    await user.type(dialog.getByLabelText('Notes (optional)'), 'billing reads');
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ notes: 'billing reads' });
    expect(sent[0]).not.toHaveProperty('expiresAt');
    const [entry] = core.vaults.entries.listEntries(personal(core).id);
    expect(entry).toMatchObject({ notes: 'billing reads', expiresAt: seeded.key!.key.expiresAt });
  });

  it('still lets an external entry change its expiry', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas' });
      },
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Edit Pyas prod' }));
    const expires = within(dialogNamed('Edit Pyas prod')).getByLabelText('Expires (optional)');
    expect(expires).not.toHaveAttribute('readonly');
    expect(expires).toHaveAttribute('type', 'datetime-local');
  });
});
