// The Import vault dialog: conflicts and their choices, what is behind it, the file picker, refused files.
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ImportVaultDialog } from '../../renderer/src/features/vault-transfer/ImportVaultDialog';
import { EXPORT_FILE_MAX } from '../../shared/domain/vault';
import type { KeyhavenApi } from '../../shared/ipc/api';
import { renderApp } from './support/render-app';
import { exportFile, fastExport, installBlobText, secretsOf, vaultNamed } from './support/transfer';
import { checkedIn, conflictGroup, openFile, openImport, STRONG, withTwoVaults } from './support/transfer-dialogs';
import { goToVaults, rowNames, vaultButton } from './support/vaults';

const WRONG_PASSPHRASE = 'This export could not be opened: wrong passphrase, or the file was changed.';
const DAMAGED = 'This file is not a complete Keyhaven vault export (it is truncated or damaged).';
const NEWER = 'This export was made by a newer Keyhaven. Update Keyhaven to import it.';

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
