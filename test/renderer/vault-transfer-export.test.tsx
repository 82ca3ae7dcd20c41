// The Export vault dialog: the passphrase rules, progress and the download, selected entries, a locked vault.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { gate, renderApp } from './support/render-app';
import { captureDownloads, exportFile, installBlobText, secretsOf, vaultNamed } from './support/transfer';
import {
  checkedIn,
  conflictGroup,
  openExport,
  openFile,
  openImport,
  STRONG,
  typePassphrases,
  withTwoVaults,
} from './support/transfer-dialogs';

describe('Export', () => {
  it('says what is exported, rates the passphrase, and blocks a weak or unconfirmed one', async () => {
    const { user, core } = await renderApp(withTwoVaults);
    const { downloads } = captureDownloads();
    const { dialog } = openExport(core, 'Team');
    expect(dialog).toHaveTextContent('Exports the vault "Team", 4 entries to a file encrypted with a passphrase.');
    expect(within(dialog).getByRole('note')).toHaveTextContent(
      'Keyhaven cannot recover this passphrase: without it, nobody can open the file. Share it separately from the file',
    );
    const meter = within(dialog).getByRole('meter', { name: 'Passphrase strength' });
    const exportButton = within(dialog).getByRole('button', { name: 'Export' });
    expect(exportButton).toBeDisabled();
    expect(exportButton).toHaveAccessibleDescription('Choose a passphrase to export.');

    const passphrase = within(dialog).getByLabelText('Passphrase');
    await user.type(passphrase, 'password1');
    expect(meter).toHaveAttribute('aria-valuenow', '0');
    expect(meter).toHaveAttribute('aria-valuetext', 'This passphrase is among the first ones guessed. Choose another.');
    expect(passphrase).toHaveAccessibleDescription('This passphrase is among the first ones guessed. Choose another.');
    await user.type(within(dialog).getByLabelText('Confirm passphrase'), 'password1');
    expect(exportButton).toBeDisabled();
    expect(exportButton).toHaveAccessibleDescription('Export needs a passphrase rated Fair or better.');
    await user.keyboard('{Enter}'); // Enter does not get round the block
    expect(within(dialog).queryByText(/Encrypting/)).not.toBeInTheDocument();

    await user.clear(passphrase);
    await user.type(passphrase, 'bluesky42');
    expect(meter).toHaveAttribute('aria-valuenow', '1');
    expect(meter).toHaveAttribute('aria-valuetext', 'Weak: make it longer, or mix letters, digits and symbols.');
    expect(exportButton).toBeDisabled();

    await user.clear(passphrase);
    await user.type(passphrase, 'Blue-sky-42');
    expect(meter).toHaveAttribute('aria-valuenow', '2');
    expect(meter).toHaveAttribute('aria-valuetext', 'Fair: a longer passphrase would be stronger.');
    expect(exportButton).toHaveAccessibleDescription('The passphrases do not match.');
    expect(exportButton).toBeDisabled();
    await user.tab(); // leaving "Confirm passphrase" shows the mismatch there too
    expect(within(dialog).getByLabelText('Confirm passphrase')).toHaveAccessibleDescription(
      'The passphrases do not match.',
    );

    await user.clear(passphrase);
    await user.type(passphrase, STRONG);
    expect(meter).toHaveAttribute('aria-valuenow', '4');
    const confirmation = within(dialog).getByLabelText('Confirm passphrase');
    await user.clear(confirmation);
    await user.type(confirmation, STRONG);
    expect(exportButton).toBeEnabled();
    expect(downloads).toHaveLength(0);
  });

  it('shows progress, then downloads the encrypted file and names it; the file imports back', async () => {
    installBlobText();
    const held = gate();
    const { user, core } = await renderApp({
      ...withTwoVaults,
      wrapApi: (api: KeyhavenApi) => ({
        ...api,
        vaults: { ...api.vaults, export: async (input) => (await held.promise, api.vaults.export(input)) },
      }),
    });
    const { downloads, revoked } = captureDownloads();
    const { dialog, onClose, unmount } = openExport(core, 'Team');
    await typePassphrases(user, dialog, STRONG);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    expect(within(dialog).getByRole('button', { name: 'Exporting…' })).toBeDisabled();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Encrypting the export. This takes a moment…');
    await user.keyboard('{Escape}'); // not closable while main works
    expect(onClose).not.toHaveBeenCalled();
    held.open();

    const done = await within(dialog).findByText(
      /^Exported 4 entries to "keyhaven-team-\d{4}-\d\d-\d\d\.khvault"\.$/,
      {},
      {
        timeout: 10_000,
      },
    );
    expect(done).toHaveFocus();
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(done).toHaveTextContent(download!.fileName);
    expect(download!.blob.type).toBe('application/octet-stream');
    expect(revoked).toEqual([download!.href]);
    expect(within(dialog).queryByLabelText('Passphrase')).not.toBeInTheDocument();
    const contents = await download!.blob.text();
    expect(JSON.parse(contents.split('\n')[0]!)).toMatchObject({ format: 'keyhaven-vault-export', entryCount: 4 });
    expect(contents).not.toContain('t-alpha');

    // "Save the file again" (after a cancelled save dialog) saves the same file once more.
    await user.click(within(dialog).getByRole('button', { name: 'Save the file again' }));
    expect(downloads).toHaveLength(2);
    expect(await downloads[1]!.blob.text()).toBe(contents);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
    unmount(); // what the caller does on close

    // Into "Personal", which already has Alpha, Beta and Gamma: one choice of each kind.
    const personal = vaultNamed(core, 'Personal');
    const { dialog: importing, onImported } = openImport(core, 'Personal');
    expect(within(importing).getByLabelText('Import into')).toHaveDisplayValue('Personal');
    await openFile(user, importing, exportFile(contents, download!.fileName), STRONG);
    const facts = await within(importing).findByRole('heading', { name: 'The file opened' }, { timeout: 10_000 });
    expect(facts).toHaveFocus();
    expect(importing).toHaveTextContent('From the vaultTeam');
    expect(importing).toHaveTextContent('Entries4 entries');
    expect(importing).toHaveTextContent('1 entry will be added; 3 entries are already in the vault');
    for (const name of ['Alpha', 'Beta', 'Gamma']) expect(checkedIn(conflictGroup(importing, name))).toBe('Skip');
    expect(within(importing).queryByRole('group', { name: 'Delta' })).not.toBeInTheDocument();
    await user.click(within(conflictGroup(importing, 'Beta')).getByRole('radio', { name: 'Replace' }));
    await user.click(within(conflictGroup(importing, 'Gamma')).getByRole('radio', { name: 'Keep both' }));
    await user.click(within(importing).getByRole('button', { name: 'Import' }));

    const summary = await within(importing).findByText(
      'Added 1, replaced 1, kept both 1, skipped 1.',
      {},
      {
        timeout: 10_000,
      },
    );
    expect(summary).toHaveFocus();
    expect(secretsOf(core, personal.id)).toEqual({
      Alpha: 'p-alpha',
      Beta: 't-beta',
      Gamma: 'p-gamma',
      'Gamma (imported)': 't-gamma',
      Delta: 't-delta',
    });
    const beta = core.vaults.entries.listEntries(personal.id).find((e) => e.name === 'Beta')!;
    expect(core.vaults.entries.reveal(beta.id, beta.history[0]!.version).secret).toBe('p-beta');
    await user.click(within(importing).getByRole('button', { name: 'Done' }));
    expect(onImported).toHaveBeenCalledExactlyOnceWith(personal.id);
  }, 30_000);

  it('exports only the selected entries when given', async () => {
    const { user, core } = await renderApp(withTwoVaults);
    const { downloads } = captureDownloads();
    const team = vaultNamed(core, 'Team');
    const chosen = core.vaults.entries
      .listEntries(team.id)
      .filter((e) => e.name === 'Alpha' || e.name === 'Delta')
      .map((e) => e.id);
    const { dialog } = openExport(core, 'Team', chosen);
    expect(dialog).toHaveTextContent('Exports 2 selected entries of the vault "Team" to a file');
    await typePassphrases(user, dialog, STRONG);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/^Exported 2 entries to /, {}, { timeout: 10_000 })).toBeInTheDocument();
    installBlobText();
    const preview = await core.vaults.transfer.previewImport(
      vaultNamed(core, 'Personal').id,
      Buffer.from(await downloads[0]!.blob.text(), 'utf8'),
      STRONG,
    );
    expect(preview.entries.map((e) => e.name).sort()).toEqual(['Alpha', 'Delta']);
  }, 20_000);

  it('says to unlock a locked vault, keeps the passphrase, and exports on the next try', async () => {
    const { user, core } = await renderApp(withTwoVaults);
    const { downloads } = captureDownloads();
    const team = vaultNamed(core, 'Team');
    core.vaults.vaults.lock(team.id);
    const { dialog } = openExport(core, 'Team');
    await typePassphrases(user, dialog, STRONG);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The vault was not exported');
    expect(alert).toHaveTextContent('Unlock the vault first, then export again.');
    expect(alert.parentElement).toHaveFocus();
    expect(downloads).toHaveLength(0);

    await core.vaults.vaults.unlock(team.id);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/^Exported 4 entries/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(downloads).toHaveLength(1);
  }, 20_000);
});
