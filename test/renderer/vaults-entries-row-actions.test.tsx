// Vault entries: a row's Copy and Copy as header, Show, Edit with history, and Delete.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { addEntry, dialogNamed, findEntryPage, goToVaults, personal, revealThroughUi, rowOf } from './support/vaults';

describe('Vault entries', { timeout: 20_000 }, () => {
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
    // The answer comes once the copy is in the activity log too.
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
        'Copied the key of Pyas prod. The clipboard will be cleared in 30 s.',
      ),
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

  it('Show reveals the key in a box with Hide on its page; going back forgets it', async () => {
    const { user } = await renderApp({
      before: (core) =>
        addEntry(core, personal(core).id, { name: 'Pyas prod', secret: 'K-show', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Show Pyas prod' }));
    const pageEl = await findEntryPage('Pyas prod');
    const page = within(pageEl);
    expect(await page.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-show');
    await user.click(page.getByRole('button', { name: 'Hide' }));
    expect(pageEl.textContent).not.toContain('K-show');
    await user.click(page.getByRole('button', { name: 'Show' }));
    expect(await page.findByLabelText('Key of Pyas prod')).toHaveTextContent('K-show');
    await user.keyboard('{Escape}');
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Pyas prod' })).not.toBeInTheDocument();
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
});
