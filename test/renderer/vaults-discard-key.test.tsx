// Add key / Edit: a typed key is not lost to Escape, Cancel or × (issue 14, item 6): the dialog asks
// "Discard the key you typed?" first; a dialog without a typed key closes at once.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { addEntry, dialogNamed, goToVaults, personal } from './support/vaults';

const QUESTION = 'Discard the key you typed?';

describe('Discard the key you typed?', { timeout: 20_000 }, () => {
  it('Add key: Escape asks; Escape or Keep editing goes back, the key kept; Discard closes; no key, no question', async () => {
    const { user, core } = await renderApp();
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    const dialog = within(dialogNamed('Add key to Personal'));
    await user.click(dialog.getByLabelText('Key'));
    await user.paste('pyas_typed_key_1');

    await user.keyboard('{Escape}');
    expect(dialog.getByRole('alert')).toHaveTextContent(QUESTION);
    expect(dialog.getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(dialog.queryByText(QUESTION)).not.toBeInTheDocument();
    expect(dialog.getByLabelText('Key')).toHaveValue('pyas_typed_key_1');

    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(dialog.getByRole('alert')).toHaveTextContent(QUESTION);
    await user.click(dialog.getByRole('button', { name: 'Keep editing' }));
    expect(dialog.getByLabelText('Key')).toHaveValue('pyas_typed_key_1');

    await user.click(dialog.getAllByRole('button', { name: 'Close' })[0]!);
    await user.click(dialog.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(core.vaults.entries.listEntries(personal(core).id)).toEqual([]);

    // With no key typed there is nothing to lose: Escape closes at once.
    await user.click(screen.getByRole('button', { name: 'Add key' }));
    await user.type(within(dialogNamed('Add key to Personal')).getByLabelText('Name'), 'Only a name');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('Edit: a new key typed asks before Escape closes; the entry keeps its key', async () => {
    const { user, core } = await renderApp({
      before: (c) => addEntry(c, personal(c).id, { name: 'Pyas prod', secret: 'old-key', preset: 'pyas' }).then(),
    });
    await goToVaults(user);
    await user.click(screen.getByRole('button', { name: 'Edit Pyas prod' }));
    const dialog = within(dialogNamed('Edit Pyas prod'));
    await user.click(dialog.getByLabelText('New key (optional)'));
    await user.paste('new-key');
    await user.keyboard('{Escape}');
    expect(dialog.getByRole('alert')).toHaveTextContent(QUESTION);
    await user.click(dialog.getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = core.vaults.entries.listEntries(personal(core).id);
    expect(core.vaults.entries.reveal(entry!.id).secret).toBe('old-key');
  });
});
