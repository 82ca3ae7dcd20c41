import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { expectKeychainAvailable } from './support/slice-steps';
import {
  addKey,
  createVault,
  editKey,
  openImport,
  entryRow,
  goToVaults,
  listEntries,
  listVaults,
  openVault,
  revealEntry,
  rowAction,
  vaultByName,
  vaultListItem,
} from './support/vault-steps';

const STRONG = 'Correct horse battery staple 42';

/**
 * Team hand-off in the built renderer (issue 4, "End-to-end in Chromium"): export a vault to a
 * passphrase-encrypted file (the download the page makes), delete the vault, import the file into
 * another vault, and resolve conflicts with Skip / Replace / Keep both.
 */
describe('vaults: export, delete, import', () => {
  const e2e = useE2E();

  it('exports with a strong passphrase, deletes the vault, imports it elsewhere, and resolves each conflict', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    const outside = await e2e.makeDataDir(); // where the downloaded export is saved, not the data folder

    // Three keys in Personal.
    const keys = {
      'Pyas prod': 'pyas_live_Handoff1Pyas7Key',
      'nexos.ai team': 'nx-sk-handoff2-4f00d1e5',
      Gateway: 'gw-token-handoff3-77aa',
    };
    await goToVaults(page);
    await openVault(page, 'Personal');
    await addKey(page, 'Personal', { name: 'Pyas prod', preset: 'Pyas', pasted: keys['Pyas prod'] });
    await addKey(page, 'Personal', {
      name: 'nexos.ai team',
      preset: 'nexos.ai',
      pasted: `Authorization: Bearer ${keys['nexos.ai team']}`,
      recognised: 'Authorization: Bearer',
    });
    await addKey(page, 'Personal', {
      name: 'Gateway',
      preset: 'Custom',
      service: 'Internal gateway',
      headerName: 'X-Gateway-Token',
      pasted: keys.Gateway,
    });
    const personal = await openVault(page, 'Personal');

    // Export: a weak passphrase is refused (the meter says why), a strong one is accepted.
    await personal.getByRole('button', { name: 'Export' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export vault' });
    await exportDialog.getByText('Exports the vault "Personal", 3 entries').waitFor();
    const meter = exportDialog.getByRole('meter', { name: 'Passphrase strength' });
    await exportDialog.getByLabel('Passphrase', { exact: true }).fill('password');
    await exportDialog.getByLabel('Confirm passphrase').fill('password');
    await exportDialog.getByText('This passphrase is among the first ones guessed. Choose another.').first().waitFor();
    expect(await meter.getAttribute('aria-valuenow')).toBe('0');
    const exportButton = exportDialog.getByRole('button', { name: 'Export', exact: true });
    expect(await exportButton.isDisabled(), 'Export refuses a weak passphrase').toBe(true);
    await exportDialog.getByText('Export needs a passphrase rated Fair or better.').waitFor();
    await screenshot(page, '104-export-weak-passphrase');
    // Main refuses it too, whatever a page sends.
    const vaultId = (await vaultByName(harness, 'Personal')).id;
    const weak = await harness.rpc('vaults:export', { vaultId, passphrase: 'password' });
    expect(weak.ok ? 'exported' : weak.error.code).toBe('INVALID_INPUT');

    await exportDialog.getByLabel('Passphrase', { exact: true }).fill(STRONG);
    await exportDialog.getByLabel('Confirm passphrase').fill(STRONG);
    await exportDialog.getByText('Very strong.').first().waitFor();
    expect(await meter.getAttribute('aria-valuenow')).toBe('4');
    await screenshot(page, '105-export-strength-meter');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^keyhaven-.+\.khvault$/);
    const exportFile = join(outside, fileName);
    await download.saveAs(exportFile);
    await exportDialog
      .getByRole('status')
      .filter({ hasText: `Exported 3 entries to "${fileName}".` })
      .waitFor();
    await screenshot(page, '106-export-done');
    await exportDialog.getByRole('button', { name: 'Done' }).click();
    await exportDialog.waitFor({ state: 'detached' });
    const exported = await readFile(exportFile);
    for (const key of Object.values(keys)) expect(exported.includes(key), 'the file is encrypted').toBe(false);

    // A vault to import into, then delete Personal: the confirmation names its 3 entries.
    await createVault(page, 'Team');
    await openVault(page, 'Personal');
    await personal.getByRole('button', { name: 'Delete', exact: true }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Delete vault' });
    await deleteDialog.getByText('Delete the vault "Personal" and its 3 entries? This cannot be undone.').waitFor();
    await screenshot(page, '107-delete-vault-confirm');
    await deleteDialog.getByRole('button', { name: 'Delete vault' }).click();
    await deleteDialog.waitFor({ state: 'detached' });
    await vaultListItem(page, 'Personal').waitFor({ state: 'detached' });
    expect((await listVaults(harness)).map((vault) => vault.name)).toEqual(['Team']);

    // Import into Team: a wrong passphrase is a clear error and imports nothing; so are a cut, a
    // changed and a newer file.
    const teamId = (await vaultByName(harness, 'Team')).id;
    let importDialog = await openImport(page, exportFile, 'Team', 'Correct horse battery staple 43');
    await importDialog.getByRole('button', { name: 'Open' }).click();
    const notOpened = importDialog.getByRole('alert').filter({ hasText: 'The file was not opened' });
    await notOpened.getByText('This export could not be opened: wrong passphrase, or the file was changed.').waitFor();
    await screenshot(page, '108-import-wrong-passphrase');
    expect(await listEntries(harness, teamId)).toEqual([]);
    const truncated = join(outside, 'truncated.khvault');
    await writeFile(truncated, exported.subarray(0, exported.length - 40));
    await importDialog.getByLabel('Export file').setInputFiles(truncated);
    await importDialog.getByLabel('Passphrase', { exact: true }).fill(STRONG);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await notOpened
      .getByText('This file is not a complete Keyhaven vault export (it is truncated or damaged).')
      .waitFor();
    expect(await listEntries(harness, teamId)).toEqual([]);
    // A file from a newer Keyhaven, and one with a single character of its ciphertext changed.
    const [headerLine = '', body = ''] = exported.toString('utf8').split('\n');
    const newer = join(outside, 'newer.khvault');
    await writeFile(newer, `${JSON.stringify({ ...JSON.parse(headerLine), version: 99 })}\n${body}\n`);
    await importDialog.getByLabel('Export file').setInputFiles(newer);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await notOpened.getByText('This export was made by a newer Keyhaven. Update Keyhaven to import it.').waitFor();
    const tampered = join(outside, 'tampered.khvault');
    const at = Math.floor(body.length / 2);
    const flipped = `${body.slice(0, at)}${body[at] === 'A' ? 'B' : 'A'}${body.slice(at + 1)}`;
    await writeFile(tampered, `${headerLine}\n${flipped}\n`);
    await importDialog.getByLabel('Export file').setInputFiles(tampered);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await notOpened.getByText('This export could not be opened: wrong passphrase, or the file was changed.').waitFor();
    expect(await listEntries(harness, teamId)).toEqual([]);

    // The right file and passphrase: all three are added, and each reveals the same key.
    await importDialog.getByLabel('Export file').setInputFiles(exportFile);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await importDialog.getByRole('heading', { name: 'The file opened' }).waitFor();
    await importDialog.getByText('All 3 entries will be added.').waitFor();
    await screenshot(page, '109-import-preview');
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await importDialog
      .getByRole('status')
      .filter({ hasText: 'Added 3, replaced 0, kept both 0, skipped 0.' })
      .waitFor();
    await screenshot(page, '110-import-summary');
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'detached' });
    let team = await openVault(page, 'Team');
    for (const [name, key] of Object.entries(keys)) expect(await revealEntry(team, name), name).toBe(key);
    await entryRow(team, 'Gateway').getByRole('cell', { name: 'Custom header: X-Gateway-Token' }).waitFor();

    // Change two of them here, then import the same file again: one conflict per entry.
    await editKey(page, team, 'Pyas prod', 'pyas_live_ChangedInTeam1');
    await editKey(page, team, 'nexos.ai team', 'nx-sk-changed-in-team-2');
    importDialog = await openImport(page, exportFile, 'Team', STRONG);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await importDialog
      .getByText('0 entries will be added; 3 entries are already in the vault: choose what to do with each.')
      .waitFor();
    const conflict = (name: string) => importDialog.getByRole('group', { name, exact: true });
    await conflict('Pyas prod').getByRole('radio', { name: 'Skip' }).check();
    await conflict('nexos.ai team').getByRole('radio', { name: 'Replace' }).check();
    await conflict('Gateway').getByRole('radio', { name: 'Keep both' }).check();
    await screenshot(page, '111-import-conflicts');
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await importDialog
      .getByRole('status')
      .filter({ hasText: 'Added 0, replaced 1, kept both 1, skipped 1.' })
      .waitFor();
    await screenshot(page, '112-import-conflicts-summary');
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'detached' });

    // Skip kept the local change; Replace took the file's key (the local one moved to history);
    // Keep both added "Gateway (imported)" beside Gateway.
    team = await openVault(page, 'Team');
    await entryRow(team, 'Gateway (imported)').waitFor();
    await team.getByRole('status').filter({ hasText: '4 of 4 entries' }).waitFor();
    expect(await revealEntry(team, 'Pyas prod')).toBe('pyas_live_ChangedInTeam1');
    expect(await revealEntry(team, 'nexos.ai team')).toBe(keys['nexos.ai team']);
    expect(await revealEntry(team, 'Gateway')).toBe(keys.Gateway);
    expect(await revealEntry(team, 'Gateway (imported)')).toBe(keys.Gateway);
    // Replace kept the local key in the entry's history: Edit lists it, and Show gives it.
    await rowAction(team, 'nexos.ai team', 'Edit').click();
    const edit = page.getByRole('dialog', { name: 'Edit nexos.ai team' });
    const history = edit.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Show version 2' }).click();
    await history
      .getByLabel('Version 2 of nexos.ai team', { exact: true })
      .getByText('nx-sk-changed-in-team-2')
      .waitFor();
    await history.getByRole('listitem').filter({ hasText: 'Version 1' }).waitFor();
    await screenshot(page, '113-edit-with-history');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });
  });
});
