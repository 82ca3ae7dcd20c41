import { render, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { ExportVaultDialog } from '../../renderer/src/features/vault-transfer/ExportVaultDialog';
import { ImportVaultDialog } from '../../renderer/src/features/vault-transfer/ImportVaultDialog';
import { EXPORT_FILE_MAX } from '../../shared/domain/vault';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { gate, renderApp } from './support/render-app';
import {
  addEntries,
  captureDownloads,
  exportFile,
  fastExport,
  installBlobText,
  secretsOf,
  vaultNamed,
} from './support/transfer';
import { goToVaults, rowNames, vaultButton } from './support/vaults';

const STRONG = 'correct horse battery staple'; // four words: "Very strong."
const WRONG_PASSPHRASE = 'This export could not be opened: wrong passphrase, or the file was changed.';
const DAMAGED = 'This file is not a complete Keyhaven vault export (it is truncated or damaged).';
const NEWER = 'This export was made by a newer Keyhaven. Update Keyhaven to import it.';

/** "Team" with four entries; "Personal" (the default vault) with three of the same names. */
const withTwoVaults = {
  before: async (core: Core) => {
    const team = await core.vaults.vaults.createVault('Team');
    await addEntries(core, team.id, { Alpha: 't-alpha', Beta: 't-beta', Gamma: 't-gamma', Delta: 't-delta' });
    await addEntries(core, vaultNamed(core, 'Personal').id, { Alpha: 'p-alpha', Beta: 'p-beta', Gamma: 'p-gamma' });
  },
};

function openExport(core: Core, vaultName: string, entryIds?: string[]) {
  const onClose = vi.fn();
  const vault = vaultNamed(core, vaultName);
  const { unmount } = render(<ExportVaultDialog vault={vault} {...(entryIds ? { entryIds } : {})} onClose={onClose} />);
  return { dialog: screen.getByRole('dialog', { name: 'Export vault' }), onClose, unmount };
}

function openImport(core: Core, initialVaultName: string) {
  const onClose = vi.fn();
  const onImported = vi.fn();
  const vaults = core.vaults.vaults.listVaults();
  const initialVaultId = vaultNamed(core, initialVaultName).id;
  render(
    <ImportVaultDialog vaults={vaults} initialVaultId={initialVaultId} onClose={onClose} onImported={onImported} />,
  );
  return { dialog: screen.getByRole('dialog', { name: 'Import vault' }), onClose, onImported };
}

async function typePassphrases(user: UserEvent, dialog: HTMLElement, passphrase: string, confirmation = passphrase) {
  await user.type(within(dialog).getByLabelText('Passphrase'), passphrase);
  await user.type(within(dialog).getByLabelText('Confirm passphrase'), confirmation);
}

/** Chooses the file and passphrase on the import dialog's first step and clicks Open. */
async function openFile(user: UserEvent, dialog: HTMLElement, file: File, passphrase: string) {
  await user.upload(within(dialog).getByLabelText('Export file'), file);
  const field = within(dialog).getByLabelText('Passphrase');
  await user.clear(field);
  await user.type(field, passphrase);
  await user.click(within(dialog).getByRole('button', { name: 'Open' }));
}

const conflictGroup = (dialog: HTMLElement, name: string) => within(dialog).getByRole('group', { name });
const checkedIn = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .find((r) => (r as HTMLInputElement).checked)
    ?.closest('div')?.textContent;

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

describe('Import', () => {
  it('defaults every conflict to Skip, and "apply to all" sets them all', async () => {
    installBlobText();
    const { user, core } = await renderApp(withTwoVaults);
    const personal = vaultNamed(core, 'Personal');
    const contents = await fastExport(core, vaultNamed(core, 'Team').id, STRONG);
    const { dialog } = openImport(core, 'Personal');
    await openFile(user, dialog, exportFile(contents), STRONG);
    await within(dialog).findByRole('heading', { name: 'The file opened' });
    const groups = ['Alpha', 'Beta', 'Gamma'].map((name) => conflictGroup(dialog, name));
    expect(groups.map(checkedIn)).toEqual(['Skip', 'Skip', 'Skip']);

    expect(dialog).toHaveTextContent(
      'Keep both: add the imported entry as a copy named "name (imported)" (or "name (imported 2)" and so on, if that name is taken).',
    );
    const all = within(dialog).getByRole('group', { name: 'Apply to all conflicts' });
    await user.click(within(all).getByRole('button', { name: 'Replace all' }));
    expect(groups.map(checkedIn)).toEqual(['Replace', 'Replace', 'Replace']);
    await user.click(within(all).getByRole('button', { name: 'Keep both for all' }));
    expect(groups.map(checkedIn)).toEqual(['Keep both', 'Keep both', 'Keep both']);
    // Arrow keys change one conflict's choice.
    within(groups[0]!).getByRole('radio', { name: 'Keep both' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(checkedIn(groups[0]!)).toBe('Replace');

    // Back keeps the file and passphrase: Open again without choosing anything.
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('Passphrase')).toHaveValue(STRONG);
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    await within(dialog).findByRole('heading', { name: 'The file opened' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep both for all' }));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('Added 1, replaced 0, kept both 3, skipped 0.')).toBeInTheDocument();
    expect(core.vaults.entries.listEntries(personal.id)).toHaveLength(7);
  });

  it('brings the vault list and the entries behind the summary up to date before Done', async () => {
    installBlobText();
    const { user, core } = await renderApp(withTwoVaults);
    const contents = await fastExport(core, vaultNamed(core, 'Team').id, STRONG);
    await goToVaults(user);
    expect(vaultButton('Personal')).toHaveAttribute('aria-current', 'true');
    expect(vaultButton('Personal')).toHaveTextContent('3 entries');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = screen.getByRole('dialog', { name: 'Import vault' });
    await openFile(user, dialog, exportFile(contents), STRONG);
    await within(dialog).findByRole('heading', { name: 'The file opened' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep both for all' }));
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await within(dialog).findByText('Added 1, replaced 0, kept both 3, skipped 0.');

    // The summary is still open, and what is behind it already shows the imported entries.
    await waitFor(() => expect(vaultButton('Personal')).toHaveAccessibleName('Personal, 7 entries, unlocked'));
    await waitFor(() => expect(rowNames('Personal')).toHaveLength(7));
    expect(rowNames('Personal')).toEqual(
      expect.arrayContaining(['Delta', 'Alpha (imported)', 'Beta (imported)', 'Gamma (imported)']),
    );
    expect(screen.getByRole('dialog', { name: 'Import vault' })).toBe(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(rowNames('Personal')).toHaveLength(7);
  });

  it('tells the caller of a successful import at once (onChanged), and of the closing after it (onImported)', async () => {
    installBlobText();
    const { user, core } = await renderApp(withTwoVaults);
    const contents = await fastExport(core, vaultNamed(core, 'Team').id, STRONG);
    const onChanged = vi.fn();
    const onImported = vi.fn();
    const personal = vaultNamed(core, 'Personal');
    render(
      <ImportVaultDialog
        vaults={core.vaults.vaults.listVaults()}
        initialVaultId={personal.id}
        onClose={() => {}}
        onImported={onImported}
        onChanged={onChanged}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Import vault' });
    await openFile(user, dialog, exportFile(contents), STRONG);
    await within(dialog).findByRole('heading', { name: 'The file opened' });
    expect(onChanged).not.toHaveBeenCalled(); // opening changes nothing
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await within(dialog).findByText('Added 1, replaced 0, kept both 0, skipped 3.');
    expect(onChanged).toHaveBeenCalledExactlyOnceWith(personal.id);
    expect(onImported).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onImported).toHaveBeenCalledExactlyOnceWith(personal.id);
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('picks the file through a button-styled label for the hidden input, and names the chosen file', async () => {
    const { user, core } = await renderApp(withTwoVaults);
    const { dialog } = openImport(core, 'Personal');
    const input = within(dialog).getByLabelText('Export file');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveClass('visually-hidden');
    expect(input).toHaveAccessibleName('Export file');
    expect(input).toHaveAccessibleDescription('A .khvault file exported from Keyhaven.');
    expect(input).toHaveFocus(); // the first field: the keyboard reaches the input itself
    const face = within(dialog).getByText('Choose file').closest('label')!;
    expect(face).toHaveAttribute('for', input.id);
    expect(face).toHaveClass('button');
    expect(within(dialog).getByText('No file chosen')).toBeInTheDocument();

    await user.upload(input, exportFile('x', 'team.khvault'));
    expect(within(dialog).getByText('team.khvault')).toHaveAttribute('aria-live', 'polite');
    expect(input).toHaveAccessibleDescription('team.khvault A .khvault file exported from Keyhaven.');
    expect(within(dialog).getByText('Choose another file')).toBeInTheDocument();
    expect(within(dialog).queryByText('No file chosen')).not.toBeInTheDocument();
  });

  it('refuses a wrong passphrase, a truncated, a tampered and a newer file, changing nothing, then opens', async () => {
    installBlobText();
    const { user, core } = await renderApp(withTwoVaults);
    const personal = vaultNamed(core, 'Personal');
    const good = await fastExport(core, vaultNamed(core, 'Team').id, STRONG);
    const [header, body] = good.split('\n') as [string, string];
    const at = Math.floor(body.length / 2);
    const tampered = `${header}\n${body.slice(0, at)}${body[at] === 'A' ? 'B' : 'A'}${body.slice(at + 1)}\n`;
    const cases: [string, File, string, string][] = [
      ['wrong passphrase', exportFile(good), 'correct horse battery stapler', WRONG_PASSPHRASE],
      ['truncated', exportFile(good.slice(0, Math.floor(good.length * 0.8))), STRONG, DAMAGED],
      ['tampered byte', exportFile(tampered), STRONG, WRONG_PASSPHRASE],
      ['version 2', exportFile(good.replace('"version":1', '"version":2')), STRONG, NEWER],
    ];
    expect(good).toContain('"version":1');
    const before = secretsOf(core, personal.id);
    const { dialog } = openImport(core, 'Personal');

    for (const [what, file, passphrase, message] of cases) {
      await openFile(user, dialog, file, passphrase);
      const alert = await within(dialog).findByRole('alert');
      expect(alert, what).toHaveTextContent(`The file was not opened${message}`);
      expect(alert.parentElement, what).toHaveFocus();
      expect(within(dialog).getByLabelText('Passphrase'), what).toHaveValue(passphrase); // nothing lost
      expect(within(dialog).queryByRole('heading', { name: 'The file opened' }), what).not.toBeInTheDocument();
      expect(secretsOf(core, personal.id), what).toEqual(before);
    }

    await openFile(user, dialog, exportFile(good), STRONG);
    expect(await within(dialog).findByRole('heading', { name: 'The file opened' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refuses a file over the size limit before sending it, and asks for what is missing', async () => {
    let previews = 0;
    const { user, core } = await renderApp({
      ...withTwoVaults,
      wrapApi: (api: KeyhavenApi) => ({
        ...api,
        vaults: { ...api.vaults, previewImport: (input) => (previews++, api.vaults.previewImport(input)) },
      }),
    });
    const { dialog } = openImport(core, 'Personal');
    await user.click(within(dialog).getByRole('button', { name: 'Open' }));
    expect(within(dialog).getByLabelText('Export file')).toHaveAccessibleDescription(
      'A .khvault file exported from Keyhaven. Choose the export file (.khvault).',
    );
    expect(within(dialog).getByLabelText('Passphrase')).toHaveAccessibleDescription(
      'The passphrase chosen when the file was exported. Enter the passphrase the file was exported with.',
    );

    const huge = exportFile('x', 'huge.khvault');
    Object.defineProperty(huge, 'size', { value: EXPORT_FILE_MAX + 1 });
    await openFile(user, dialog, huge, STRONG);
    expect(within(dialog).getByLabelText('Export file')).toHaveAccessibleDescription(
      /"huge\.khvault" is too large to be a Keyhaven vault export \(at most 32 MB\)\.$/,
    );
    await waitFor(() => expect(within(dialog).queryByText(/Opening the file/)).not.toBeInTheDocument());
    expect(previews).toBe(0);
  });
});
