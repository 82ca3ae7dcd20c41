import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { ISSUED_EXPIRY_NOTE } from '../../renderer/src/features/vaults/ExpiryField';
import { formatAbsolute } from '../../renderer/src/lib/time';
import { describeScheme } from '../../shared/catalogs/service-presets';
import type { GeneratedKey } from '../../shared/domain/issued-key';
import type { UpdateEntryInput } from '../../shared/domain/vault';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { generateInput } from '../support/generate-input';
import { gate, goTo, renderApp } from './support/render-app';
import { addEntry, addKeyThroughUi, dialogNamed, goToVaults, personal, revealThroughUi, rowOf } from './support/vaults';

/** Pyas with the key "Production", generated and saved in "Personal" through the real core. */
function withIssuedKey(into: { key?: GeneratedKey }) {
  return async (core: Core) => {
    const app = await core.apps.create({ name: 'Pyas' });
    into.key = await core.issuing.generate(generateInput(app.id));
    await core.issuing.saveInVault(into.key.key.id, personal(core).id);
  };
}

const PRESETS = [
  { preset: 'Pyas', scheme: 'X-API-Key', header: (k: string) => `x-api-key: ${k}` },
  { preset: 'atfinity', scheme: 'Api-Key', header: (k: string) => `Authorization: Api-Key ${k}` },
  { preset: 'nexos.ai', scheme: 'Bearer', header: (k: string) => `Authorization: Bearer ${k}` },
  { preset: 'Cerby', scheme: 'X-API-Key', header: (k: string) => `x-api-key: ${k}` },
  { preset: 'Extracta', scheme: 'Bearer', header: (k: string) => `Authorization: Bearer ${k}` },
] as const;

describe('Vault entries', { timeout: 20_000 }, () => {
  it('adds a key with each preset: the preset sets service and scheme, Show reveals the same key', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    for (const [i, { preset }] of PRESETS.entries()) {
      await addKeyThroughUi(user, 'Personal', { name: `${preset} prod`, key: `key-${i}-${preset}`, preset });
    }
    await addKeyThroughUi(user, 'Personal', {
      name: 'Own API',
      key: 'own-key-1',
      preset: 'Custom',
      service: 'Own API',
      scheme: 'Custom header',
      schemeName: 'X-Token',
    });

    const stored = core.vaults.entries.listEntries(personal(core).id);
    for (const [i, { preset, scheme }] of PRESETS.entries()) {
      const entry = stored.find((e) => e.name === `${preset} prod`)!;
      expect(entry.service).toBe(preset);
      expect(describeScheme(entry.scheme)).toBe(scheme);
      const row = rowOf('Personal', `${preset} prod`);
      expect(row).toHaveTextContent(preset);
      expect(row).toHaveTextContent(scheme);
      expect(await revealThroughUi(user, `${preset} prod`)).toBe(`key-${i}-${preset}`);
    }
    const own = stored.find((e) => e.name === 'Own API')!;
    expect(own).toMatchObject({ service: 'Own API', preset: 'custom', scheme: { kind: 'header', name: 'X-Token' } });
    expect(rowOf('Personal', 'Own API')).toHaveTextContent('Custom header: X-Token');
    expect(await revealThroughUi(user, 'Own API')).toBe('own-key-1');
  }, 30_000);

  it('recognises a pasted "Authorization: Bearer …", sets the scheme and stores only the key', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialog = within(dialogNamed('Add key to Personal'));
    await user.selectOptions(dialog.getByLabelText('Service preset'), 'Pyas');
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    await user.type(dialog.getByLabelText('Name'), 'Pasted');
    await user.click(dialog.getByLabelText('Key'));
    await user.paste('Authorization: Bearer tok_Pasted123');
    expect(dialog.getByRole('status')).toHaveTextContent(
      'Recognised Authorization: Bearer — the key was split from its header.',
    );
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('bearer');
    fireEvent.change(dialog.getByLabelText('Expires (optional)'), { target: { value: '2031-01-02T03:04' } });
    await user.click(dialog.getByRole('button', { name: 'Add key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const [entry] = core.vaults.entries.listEntries(personal(core).id);
    expect(entry!.scheme).toEqual({ kind: 'bearer' });
    expect(entry!.expiresAt).toBe(new Date('2031-01-02T03:04').toISOString()); // local time
    expect(within(rowOf('Personal', 'Pasted')).getByText(/^in \d+ years$/)).toHaveAttribute(
      'datetime',
      entry!.expiresAt,
    );
    expect(core.vaults.entries.reveal(entry!.id).secret).toBe('tok_Pasted123');
    expect(await revealThroughUi(user, 'Pasted')).toBe('tok_Pasted123');
  });

  it('recognises x-api-key and Api-Key headers, and says nothing for a bare key', async () => {
    const { user } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialog = within(dialogNamed('Add key to Personal'));
    const key = dialog.getByLabelText('Key');
    await user.click(key);
    await user.paste('x-api-key: abc123');
    expect(dialog.getByRole('status')).toHaveTextContent('Recognised x-api-key — the key was split from its header.');
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('x-api-key');
    await user.clear(key);
    await user.paste('Authorization: Api-Key abc123');
    expect(dialog.getByRole('status')).toHaveTextContent('Recognised Authorization: Api-Key');
    expect(dialog.getByLabelText('Header scheme')).toHaveValue('api-key');
    await user.clear(key);
    await user.paste('abc123');
    expect(dialog.getByRole('status')).toHaveTextContent('');
  });

  it('validates inline without ever repeating the key, and warns about query parameters', async () => {
    const secret = 'sk_live_NeverEchoThis';
    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialogEl = dialogNamed('Add key to Personal');
    const dialog = within(dialogEl);
    await user.click(dialog.getByLabelText('Key'));
    await user.paste(secret);
    await user.selectOptions(dialog.getByLabelText('Service preset'), 'Custom');
    await user.selectOptions(dialog.getByLabelText('Header scheme'), 'Query parameter');
    expect(dialog.getByRole('note')).toHaveTextContent('Keys in URLs leak into logs');
    await user.type(dialog.getByLabelText('Base URL (optional)'), 'ftp://nope');
    await user.type(dialog.getByLabelText('Allowed hosts (optional)'), 'api.example.com, not a host');
    await user.click(dialog.getByRole('button', { name: 'Add key' }));

    expect(dialog.getByLabelText('Name')).toHaveAccessibleDescription('Name is required.');
    expect(dialog.getByLabelText('Name')).toHaveFocus();
    expect(dialog.getByLabelText('Service name')).toHaveAccessibleDescription('Service is required.');
    expect(dialog.getByLabelText('Parameter name')).toHaveAccessibleDescription('Parameter name is required.');
    expect(dialog.getByLabelText('Base URL (optional)')).toHaveAccessibleDescription(
      'The base URL must start with https:// (or http://).',
    );
    expect(dialog.getByLabelText('Allowed hosts (optional)')).toHaveAccessibleDescription(
      /Allowed hosts are host names like/,
    );
    const messages = dialogEl.querySelectorAll('.text-field__error, .text-field__hint, [role="status"], [role="note"]');
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) expect(message.textContent).not.toContain(secret);
    expect(core.vaults.entries.listEntries(personal(core).id)).toHaveLength(0);

    await user.clear(dialog.getByLabelText('Key'));
    await user.click(dialog.getByRole('button', { name: 'Add key' }));
    expect(dialog.getByLabelText('Key')).toHaveAccessibleDescription(/Paste the key\.$/);
  });

  it('copies the value and the header line in main, and says when the clipboard is cleared', async () => {
    const { user, platform } = await renderApp({
      before: async (core) => {
        const id = personal(core).id;
        await addEntry(core, id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas' });
        await addEntry(core, id, { name: 'atfinity prod', secret: 'K2', preset: 'atfinity' });
        await addEntry(core, id, { name: 'nexos prod', secret: 'K3', preset: 'nexos-ai' });
      },
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    await waitFor(() => expect(platform.text).toBe('K1'));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Copied. The clipboard will be cleared in 30 s.',
    );

    for (const [name, line] of [
      ['Pyas prod', 'x-api-key: K1'],
      ['atfinity prod', 'Authorization: Api-Key K2'],
      ['nexos prod', 'Authorization: Bearer K3'],
    ] as const) {
      await user.click(screen.getByRole('button', { name: `Copy as header ${name}` }));
      await waitFor(() => expect(platform.text).toBe(line));
    }
    // The renderer never held a value: nothing reached the browser clipboard.
    expect(document.body.textContent).not.toMatch(/K[123]\b/);
  });

  it('shows the message of a Copy that main cannot do here (UNAVAILABLE)', async () => {
    const message = 'Copying is not available in this window. Use Show and copy the key yourself.';
    const { user } = await renderApp({
      before: (core) => addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K1', preset: 'pyas' }).then(),
      wrapApi: (api) => ({
        ...api,
        entries: { ...api.entries, copy: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message } }) },
      }),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Copy Pyas prod' }));
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(message));
  });

  it('Show reveals the key in a box with Hide; closing forgets it', async () => {
    const { user } = await renderApp({
      before: (core) =>
        addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K-show', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Show Pyas prod' }));
    const dialog = within(dialogNamed('Pyas prod'));
    expect(await dialog.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-show');
    await user.click(dialog.getByRole('button', { name: 'Hide' }));
    expect(dialogNamed('Pyas prod').textContent).not.toContain('K-show');
    await user.click(dialog.getByRole('button', { name: 'Show' }));
    expect(await dialog.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-show');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body.textContent).not.toContain('K-show');
  });

  it('Edit with a new key keeps the old one in the history, where Show reveals it', async () => {
    const { user, core } = await renderApp({
      before: (core) =>
        addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'old-key', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Edit Pyas prod' }));
    let dialog = within(dialogNamed('Edit Pyas prod'));
    expect(dialog.getByText(/^No previous versions/)).toBeInTheDocument();
    await user.click(dialog.getByLabelText('New key (optional)'));
    await user.paste('new-key');
    await user.type(dialog.getByLabelText('Tags (optional)'), 'prod, billing');
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    expect(rowOf('Personal', 'Pyas prod')).toHaveTextContent('prod, billing');
    expect(await revealThroughUi(user, 'Pyas prod')).toBe('new-key');

    await user.click(screen.getByRole('button', { name: 'Edit Pyas prod' }));
    dialog = within(dialogNamed('Edit Pyas prod'));
    const history = within(dialog.getByRole('region', { name: 'History' }));
    expect(history.getByRole('listitem')).toHaveTextContent(/^Version 1, replaced just now/);
    await user.click(history.getByRole('button', { name: 'Show version 1' }));
    expect(await history.findByLabelText('Version 1 of Pyas prod')).toHaveTextContent('old-key');
    await user.click(history.getByRole('button', { name: 'Hide version 1' }));
    expect(history.queryByLabelText('Version 1 of Pyas prod')).not.toBeInTheDocument();
    const [entry] = core.vaults.entries.listEntries(personal(core).id);
    expect(entry).toMatchObject({ secretVersion: 2, tags: ['prod', 'billing'] });
  });

  it('deletes an entry after a confirmation', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await addEntry(core, personal(core).id, { name: 'Keep', secret: 'a' });
        await addEntry(core, personal(core).id, { name: 'Drop', secret: 'b' });
      },
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Delete Drop' }));
    const dialog = dialogNamed('Delete key');
    expect(dialog).toHaveTextContent('Delete “Drop”');
    await user.click(within(dialog).getByRole('button', { name: 'Delete key' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show Drop' })).not.toBeInTheDocument());
    expect(core.vaults.entries.listEntries(personal(core).id).map((e) => e.name)).toEqual(['Keep']);
    expect(screen.getByText('1 of 1 entry')).toBeInTheDocument();
  });

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
