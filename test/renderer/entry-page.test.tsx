// A vault entry's own page (issue 14, item 6): Show opens it in the vault's panel, in place of the
// table, with the key revealed, its details and its history; the real core is behind every action.
import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { formatAbsolute } from '../../renderer/src/lib/time';
import { renderApp } from './support/render-app';
import { addEntry, dialogNamed, findEntryPage, goToVaults, personal, rowOf } from './support/vaults';

const EXPIRES = '2031-03-15T09:30:00.000Z';

/** Personal with "Pyas prod" (every detail set, key rotated once: old-key → new-key) and "Extracta". */
async function seed(core: Core): Promise<void> {
  const id = personal(core).id;
  await addEntry(core, id, { name: 'Extracta', secret: 'ex-key', preset: 'extracta' });
  const pyas = await addEntry(core, id, {
    name: 'Pyas prod',
    secret: 'old-key',
    preset: 'pyas',
    baseUrl: 'https://api.pyas.example',
    allowedHosts: ['api.pyas.example', '*.pyas.example'],
    tags: ['prod', 'billing'],
    notes: 'Billing account, owned by Ops.',
    expiresAt: EXPIRES,
  });
  await core.vaults.entries.updateEntry({ entryId: pyas.id, secret: 'new-key' });
}

const entryOf = (core: Core, name: string) => {
  const entry = core.vaults.entries.listEntries(personal(core).id).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
};

/** The value beside `term` in the page's details. */
function detail(page: HTMLElement, term: string): HTMLElement {
  const dt = within(page)
    .getAllByRole('term')
    .find((t) => t.textContent === term);
  if (!dt?.nextElementSibling) throw new Error(`no detail ${term}`);
  return dt.nextElementSibling as HTMLElement;
}

async function showPage(user: UserEvent, name: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: `Show ${name}` }));
  return findEntryPage(name);
}

describe("An entry's page", { timeout: 30_000 }, () => {
  it('Show opens it in place of the table, with the key revealed and every detail', async () => {
    const { user } = await renderApp({ before: seed });
    await goToVaults(user);
    const page = await showPage(user, 'Pyas prod');
    expect(screen.getByRole('heading', { level: 2, name: 'Pyas prod' })).toHaveFocus();
    expect(screen.queryByRole('table', { name: 'Entries of Personal' })).not.toBeInTheDocument();
    expect(within(page).getByRole('button', { name: 'Back to Personal' })).toBeInTheDocument();
    expect(await within(page).findByLabelText('Key of Pyas prod')).toHaveTextContent('new-key');
    expect(within(page).getByRole('region', { name: 'Key · version 2' })).toBeInTheDocument();

    expect(detail(page, 'Service')).toHaveTextContent('Pyas');
    expect(detail(page, 'Sent as')).toHaveTextContent('x-api-key: …');
    expect(detail(page, 'Base URL')).toHaveTextContent('https://api.pyas.example');
    const listed = (term: string) =>
      within(detail(page, term))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(listed('Allowed hosts')).toEqual(['api.pyas.example', '*.pyas.example']);
    expect(listed('Tags')).toEqual(['prod', 'billing']);
    // The exact instant first, with its machine-readable date.
    expect(detail(page, 'Expires')).toHaveTextContent(
      new RegExp(`^${escape(formatAbsolute(EXPIRES))} \\(in \\d+ years\\)$`),
    );
    expect(detail(page, 'Expires').querySelector('time')).toHaveAttribute('datetime', EXPIRES);
    expect(detail(page, 'Notes')).toHaveTextContent('Billing account, owned by Ops.');
    expect(detail(page, 'Created')).toHaveTextContent(/\(just now\)$/);

    // The history lists the replaced key, hidden until asked.
    const history = within(within(page).getByRole('region', { name: 'History' }));
    expect(history.getByRole('listitem')).toHaveTextContent(/^Version 1, replaced just now/);
    expect(page.textContent).not.toContain('old-key');
  });

  it('Escape and Back return to the table, with focus on that row’s first button', async () => {
    const { user } = await renderApp({ before: seed });
    await goToVaults(user);
    await showPage(user, 'Pyas prod');
    await user.keyboard('{Escape}');
    await screen.findByRole('table', { name: 'Entries of Personal' });
    await waitFor(() =>
      expect(within(rowOf('Personal', 'Pyas prod')).getByRole('button', { name: 'Show Pyas prod' })).toHaveFocus(),
    );
    expect(document.body.textContent).not.toContain('new-key');

    const page = await showPage(user, 'Extracta');
    await user.click(within(page).getByRole('button', { name: 'Back to Personal' }));
    await screen.findByRole('table', { name: 'Entries of Personal' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show Extracta' })).toHaveFocus());
  });

  it('copies a previous version, with the notice on that version', async () => {
    const { user, platform } = await renderApp({ before: seed });
    await goToVaults(user);
    const page = await showPage(user, 'Pyas prod');
    const version1 = within(within(page).getByRole('region', { name: 'History' })).getByRole('listitem');
    await user.click(within(version1).getByRole('button', { name: 'Copy as header, version 1' }));
    await waitFor(() => expect(platform.text).toBe('x-api-key: old-key'));
    expect(
      await within(version1).findByText(/^Copied x-api-key: •••• header of version 1 · clears in/),
    ).toBeInTheDocument();
    // The current key's Copy buttons have no notice: it is the version's.
    const copy = within(page).getByRole('button', { name: 'Copy as header' });
    expect(copy.parentElement).not.toHaveTextContent('Copied');

    await user.click(within(version1).getByRole('button', { name: 'Copy version 1' }));
    await waitFor(() => expect(platform.text).toBe('old-key'));
    expect(page.textContent).not.toContain('old-key');
  });

  it('Restore version makes it the current key as a new version, after a confirmation', async () => {
    const { user, core } = await renderApp({ before: seed });
    await goToVaults(user);
    const page = await showPage(user, 'Pyas prod');
    expect(await within(page).findByLabelText('Key of Pyas prod')).toHaveTextContent('new-key');
    await user.click(within(page).getByRole('button', { name: 'Restore version 1' }));
    const dialog = dialogNamed('Restore a previous key');
    expect(dialog).toHaveTextContent('Make version 1 of “Pyas prod” the current key? It becomes version 3');
    await user.click(within(dialog).getByRole('button', { name: 'Restore version 1' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    expect(await within(page).findByText('Version 1 is the current key again, as version 3.')).toBeInTheDocument();
    expect(within(page).getByRole('region', { name: 'Key · version 3' })).toBeInTheDocument();
    const history = within(within(page).getByRole('region', { name: 'History' }));
    expect(
      history.getAllByRole('listitem').map((li) => li.querySelector('.entry-versions__version')?.textContent),
    ).toEqual(['Version 2', 'Version 1']);
    // The core has it: version 3 is the old key, version 2 (the key that was current) is kept.
    const entry = entryOf(core, 'Pyas prod');
    expect(entry.secretVersion).toBe(3);
    expect(core.vaults.entries.reveal(entry.id).secret).toBe('old-key');
    expect(core.vaults.entries.reveal(entry.id, 2).secret).toBe('new-key');
    // The key shown was the one it replaced: hidden now (not read again on its own), and Show reads
    // the new current one from main.
    const current = within(within(page).getByRole('region', { name: 'Key · version 3' }));
    await waitFor(() => expect(current.getByText('Key of Pyas prod is hidden')).toBeInTheDocument());
    expect(within(page).queryByText('new-key')).not.toBeInTheDocument();
    await user.click(current.getByRole('button', { name: 'Show' }));
    expect(await current.findByLabelText('Key of Pyas prod')).toHaveTextContent('old-key');
    await user.click(history.getByRole('button', { name: 'Show version 2' }));
    expect(await history.findByLabelText('Version 2 of Pyas prod')).toHaveTextContent('new-key');
  });

  it('the star toggles the favourite in the core', async () => {
    const { user, core } = await renderApp({ before: seed });
    await goToVaults(user);
    const page = within(await showPage(user, 'Extracta'));
    await user.click(page.getByRole('button', { name: 'Add to favourites' }));
    await waitFor(() =>
      expect(page.getByRole('button', { name: 'Favourite' })).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(entryOf(core, 'Extracta').favorite).toBe(true);
    await user.click(page.getByRole('button', { name: 'Favourite' }));
    await waitFor(() =>
      expect(page.getByRole('button', { name: 'Add to favourites' })).toHaveAttribute('aria-pressed', 'false'),
    );
    expect(entryOf(core, 'Extracta').favorite).toBe(false);
  });

  it('Delete goes back to the table, where Undo brings the entry back', async () => {
    const { user, core } = await renderApp({ before: seed });
    await goToVaults(user);
    const page = within(await showPage(user, 'Pyas prod'));
    await user.click(page.getByRole('button', { name: 'Delete' }));
    await user.click(within(dialogNamed('Delete key')).getByRole('button', { name: 'Delete key' }));
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Pyas prod' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show Pyas prod' })).not.toBeInTheDocument();
    expect(core.vaults.entries.listEntries(personal(core).id).map((e) => e.name)).toEqual(['Extracta']);

    const toast = screen.getByText('Deleted Pyas prod').closest<HTMLElement>('.undo-toast')!;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Show Pyas prod' })).toBeInTheDocument();
    expect(core.vaults.entries.reveal(entryOf(core, 'Pyas prod').id).secret).toBe('new-key');
  });

  it('in a locked vault it shows the details and offers Unlock to show', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await seed(core);
        core.vaults.vaults.lockAll();
      },
    });
    await goToVaults(user);
    // Search's Open (Alt+Enter) opens the page without revealing.
    await user.keyboard('{Control>}k{/Control}');
    const search = await screen.findByRole('dialog', { name: 'Search Keyhaven' });
    const field = within(search).getByRole('combobox');
    await waitFor(() => expect(field).toHaveFocus());
    await user.type(field, 'Pyas prod');
    await within(search).findByRole('option', { name: /^Pyas prod/ });
    await user.keyboard('{Alt>}{Enter}{/Alt}');
    const page = await findEntryPage('Pyas prod');
    const inPage = within(page);

    expect(inPage.getByText('Personal is locked: the key is hidden until you unlock it.')).toBeInTheDocument();
    expect(inPage.getByRole('button', { name: 'Show' })).toBeDisabled();
    expect(inPage.queryByRole('button', { name: 'Copy' })).not.toBeInTheDocument();
    for (const action of ['Show version 1', 'Copy version 1', 'Restore version 1']) {
      expect(inPage.getByRole('button', { name: action })).toBeDisabled();
    }
    expect(detail(page, 'Notes')).toHaveTextContent('Billing account, owned by Ops.');

    // No passphrase on this computer: one click unlocks, and the key can be shown.
    await user.click(inPage.getByRole('button', { name: 'Unlock to show' }));
    await waitFor(() => expect(personal(core).locked).toBe(false));
    await waitFor(() => expect(inPage.getByRole('button', { name: 'Show' })).toBeEnabled());
    expect(inPage.getByRole('button', { name: 'Copy' })).toBeEnabled();
    await user.click(inPage.getByRole('button', { name: 'Show' }));
    expect(await inPage.findByLabelText('Key of Pyas prod')).toHaveTextContent('new-key');
  });

  it('Move or copy from the page: a moved key’s page follows it to the other vault', async () => {
    const { user, core } = await renderApp({
      before: async (core) => {
        await seed(core);
        await core.vaults.vaults.createVault('Team');
      },
    });
    await goToVaults(user);
    const id = entryOf(core, 'Extracta').id;
    const page = within(await showPage(user, 'Extracta'));
    await user.click(page.getByRole('button', { name: 'Move or copy' }));
    const dialog = within(dialogNamed('Move or copy key'));
    expect(dialog.getByText('Move “Extracta” from Personal to:')).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Move' }));

    // The page is now Team's: its Back link goes to Team's table.
    await screen.findByRole('button', { name: 'Back to Team' });
    const moved = within(await findEntryPage('Extracta'));
    const teamVault = core.vaults.vaults.listVaults().find((v) => v.name === 'Team')!;
    expect(core.vaults.entries.listEntries(teamVault.id).map((e) => e.id)).toEqual([id]);
    expect(core.vaults.entries.listEntries(personal(core).id).map((e) => e.name)).toEqual(['Pyas prod']);
    expect(core.vaults.entries.reveal(id).secret).toBe('ex-key');
    await user.click(moved.getByRole('button', { name: 'Back to Team' }));
    await screen.findByRole('table', { name: 'Entries of Team' });
  });

  it('says so when the key is no longer in this vault (deleted elsewhere)', async () => {
    const { user, core } = await renderApp({ before: seed });
    await goToVaults(user);
    await showPage(user, 'Extracta');
    await core.vaults.entries.deleteEntry(entryOf(core, 'Extracta').id);
    act(() => core.events.emit('data:changed', { parts: ['vaults'] })); // as main says after another process wrote
    expect(await screen.findByRole('heading', { name: 'This key is not in this vault' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'Extracta' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to Personal' }));
    await screen.findByRole('table', { name: 'Entries of Personal' });
    expect(screen.queryByRole('button', { name: 'Show Extracta' })).not.toBeInTheDocument();
  });
});

/** A literal string inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
