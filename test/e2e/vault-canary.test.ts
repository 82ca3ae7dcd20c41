import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canarySecret, folderHits, textHits, type CanaryHit } from './support/canary';
import { useE2E } from './support/e2e';
import { filesContaining } from './support/files';
import {
  COPIED_NOTICE,
  confirmStoredAndFinish,
  fillKeyDetails,
  generateButton,
  goToScopes,
  issuedKey,
  keyRowByChip,
  openRotate,
  openWizard,
  readPlaintextFromStorePage,
  saveInVaultConfirmed,
  selectScopes,
  STORED_LABEL,
  waitForStorePage,
} from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';
import { expectPlantedCopiesFound, logHits, pageHits } from './support/vault-canary';
import {
  addKey,
  closeEntryPage,
  copyFromRow,
  createVault,
  editKey,
  entryRow,
  exportVault,
  firePowerEvent,
  goToVaults,
  harnessClipboard,
  listEntries,
  lockToggle,
  openImport,
  openVault,
  revealEntry,
  rowAction,
  showEntry,
  vaultByName,
  vaultListItem,
  waitForVaultState,
} from './support/vault-steps';

const PASSPHRASE = 'Canary passphrase for 4 hand-offs';

/**
 * Issue 4, "Storage and keychain": a known secret through every path that brings a key into a vault
 * (wizard Save in vault, paste, import, edit, rotate), every vault screen and dialog exercised, then
 * the data folders (data files, journals, backups/, `.bak`, temp and lock files), the harnesses'
 * stdout and stderr, the browser's console and storage, and the export files are searched for each
 * secret, in clear and in base64: zero hits. A planted copy proves the search finds what it looks for.
 */
describe('vaults: canary', () => {
  const e2e = useE2E();

  it('writes no secret that passed through a vault in clear or base64 anywhere', async () => {
    const outside = await e2e.makeDataDir(); // export files: not a data folder
    // Wizard and rotate: the keys Keyhaven generates (unique by construction), filled in below.
    const canaries = {
      paste: canarySecret('paste'),
      edit: canarySecret('edit'),
      import: canarySecret('import'),
      wizard: '',
      rotate: '',
    };

    // The import canary comes from another installation: a second harness on its own data folder
    // exports a vault holding it, so it enters the main data folder only through Import.
    const other = await e2e.startHarness();
    const otherVault = await vaultByName(other, 'Personal');
    const seeded = await other.rpc('entries:add', {
      vaultId: otherVault.id,
      name: 'Imported canary',
      preset: 'extracta',
      secret: canaries.import,
    });
    if (!seeded.ok) throw new Error(seeded.error.message);
    const handOff = await other.rpc<{ contents: string; fileName: string }>('vaults:export', {
      vaultId: otherVault.id,
      passphrase: PASSPHRASE,
    });
    if (!handOff.ok) throw new Error(handOff.error.message);
    const handOffFile = join(outside, handOff.value.fileName);
    await writeFile(handOffFile, handOff.value.contents);
    expect(await other.stop()).toBe(0);

    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const app = await e2e.open(harness);
    const { page } = app;

    // Vaults: New vault, Rename.
    await goToVaults(page);
    await createVault(page, 'Canary draft');
    const draft = await openVault(page, 'Canary draft');
    await draft.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Canary draft' });
    await rename.getByLabel('Vault name').fill('Canaries');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.waitFor({ state: 'detached' });
    await vaultListItem(page, 'Canaries').waitFor();

    // Wizard: generate, Copy (main copies), Select vault "Canaries", Save in vault, Done.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Apps' }).click();
    await createApp(page, 'Canary app');
    await openAppCard(page, 'Canary app');
    const wizard = await openWizard(page);
    await fillKeyDetails(wizard, { name: 'Canary key' });
    await goToScopes(wizard);
    await selectScopes(wizard, ['Read secrets']);
    await generateButton(wizard).click();
    await waitForStorePage(wizard);
    const generated = issuedKey(await readPlaintextFromStorePage(wizard));
    canaries.wizard = generated.plaintext;
    await wizard.getByRole('button', { name: 'Copy' }).click();
    await wizard.getByRole('status').filter({ hasText: COPIED_NOTICE }).waitFor();
    expect(await harnessClipboard(harness)).toBe(generated.plaintext);
    await wizard.getByLabel('Select vault').selectOption({ label: 'Canaries' });
    await saveInVaultConfirmed(wizard, 'Canaries');
    await confirmStoredAndFinish(wizard);

    // Paste (with its header), Show, Copy, Copy as header; Edit with a new value, then the history.
    await goToVaults(page);
    let vault = await openVault(page, 'Canaries');
    await addKey(page, 'Canaries', {
      name: 'Pasted canary',
      preset: 'nexos.ai',
      pasted: `Authorization: Bearer ${canaries.paste}`,
      recognised: 'Authorization: Bearer',
      tags: 'canary',
    });
    expect(await revealEntry(vault, 'Pasted canary')).toBe(canaries.paste);
    await copyFromRow(harness, vault, 'Pasted canary', 'Copy', canaries.paste);
    await copyFromRow(harness, vault, 'Pasted canary', 'Copy as header', `Authorization: Bearer ${canaries.paste}`);
    await editKey(page, vault, 'Pasted canary', canaries.edit);
    await rowAction(vault, 'Pasted canary', 'Edit').click();
    const edit = page.getByRole('dialog', { name: 'Edit Pasted canary' });
    await edit.getByRole('button', { name: 'Show version 1' }).click();
    await edit.getByLabel('Version 1 of Pasted canary', { exact: true }).getByText(canaries.paste).waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });
    const shown = await showEntry(vault, 'Pasted canary');
    expect(shown.secret).toBe(canaries.edit);
    await shown.entry.getByRole('button', { name: 'Copy as header', exact: true }).click();
    await expect.poll(() => harnessClipboard(harness)).toBe(`Authorization: Bearer ${canaries.edit}`);
    await closeEntryPage(shown.entry);
    await vault.getByRole('searchbox', { name: 'Search entries' }).fill('canary');
    await vault
      .getByRole('status')
      .filter({ hasText: /^2 of 2 entries/ })
      .waitFor();
    await vault.getByRole('searchbox', { name: 'Search entries' }).fill('');

    // Rotate the issued key: the entry follows; the new plaintext is another canary.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Apps' }).click();
    await openAppCard(page, 'Canary app');
    const rotate = await openRotate(page, generated);
    await rotate.getByRole('radio', { name: '24 hours' }).check();
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await waitForStorePage(rotate);
    const rotated = issuedKey(await readPlaintextFromStorePage(rotate));
    canaries.rotate = rotated.plaintext;
    await rotate.getByRole('button', { name: 'Copy' }).click();
    await rotate.getByRole('status').filter({ hasText: COPIED_NOTICE }).waitFor();
    await rotate.getByRole('checkbox', { name: STORED_LABEL }).check();
    await rotate.locator('button:enabled', { hasText: 'Done' }).click();
    await rotate.waitFor({ state: 'detached' });
    await keyRowByChip(page, rotated.chip).waitFor();
    await goToVaults(page);
    vault = await openVault(page, 'Canaries');
    expect(await revealEntry(vault, 'Canary key')).toBe(canaries.rotate);

    // Import the other installation's file into Canaries.
    let importDialog = await openImport(page, handOffFile, 'Canaries', PASSPHRASE);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await importDialog.getByText('All 1 entry will be added.').waitFor();
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await importDialog.getByRole('status').filter({ hasText: 'Added 1, replaced 0' }).waitFor();
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'detached' });
    vault = await openVault(page, 'Canaries');
    expect(await revealEntry(vault, 'Imported canary')).toBe(canaries.import);

    // Export Canaries; import it back into Canaries (a conflict each: Replace, Keep both, Skip) and
    // into Personal; then delete an entry and the Personal vault.
    const exported = await exportVault(page, vault, PASSPHRASE, outside);
    importDialog = await openImport(page, exported, 'Canaries', PASSPHRASE);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await importDialog.getByRole('group', { name: 'Pasted canary', exact: true }).getByLabel('Replace').check();
    await importDialog.getByRole('group', { name: 'Imported canary', exact: true }).getByLabel('Keep both').check();
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await importDialog
      .getByRole('status')
      .filter({ hasText: 'Added 0, replaced 1, kept both 1, skipped 1.' })
      .waitFor();
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'detached' });
    importDialog = await openImport(page, exported, 'Personal', PASSPHRASE);
    await importDialog.getByRole('button', { name: 'Open' }).click();
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await importDialog.getByRole('status').filter({ hasText: 'Added 3,' }).waitFor();
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'detached' });
    vault = await openVault(page, 'Canaries');
    await rowAction(vault, 'Imported canary (imported)', 'Delete').click();
    const deleteEntry = page.getByRole('dialog', { name: 'Delete key' });
    await deleteEntry.getByRole('button', { name: 'Delete key' }).click();
    await deleteEntry.waitFor({ state: 'detached' });
    await entryRow(vault, 'Imported canary (imported)').waitFor({ state: 'detached' });
    const personal = await openVault(page, 'Personal');
    expect(await revealEntry(personal, 'Canary key')).toBe(canaries.rotate);
    await personal.getByRole('button', { name: 'Delete', exact: true }).click();
    const deleteVault = page.getByRole('dialog', { name: 'Delete vault' });
    await deleteVault.getByText('Delete the vault "Personal" and its 3 entries?').waitFor();
    await deleteVault.getByRole('button', { name: 'Delete vault' }).click();
    await deleteVault.waitFor({ state: 'detached' });

    // Lock settings (saved as they are), Lock, Unlock, Lock all, and the OS events.
    await page.getByRole('button', { name: 'Lock settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Lock settings' });
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.waitFor({ state: 'detached' });
    vault = await openVault(page, 'Canaries');
    await lockToggle(vault, 'Lock').click();
    await waitForVaultState(vault, 'Locked');
    await lockToggle(vault, 'Unlock').click();
    await waitForVaultState(vault, 'Unlocked');
    await page.getByRole('button', { name: 'Lock all' }).click();
    await waitForVaultState(vault, 'Locked');
    await lockToggle(vault, 'Unlock').click();
    await waitForVaultState(vault, 'Unlocked');
    for (const event of ['lock-screen', 'suspend'] as const) {
      await firePowerEvent(harness, event);
      expect((await vaultByName(harness, 'Canaries')).locked, event).toBe(true);
      await page.evaluate('window.dispatchEvent(new Event("focus"))');
      await waitForVaultState(vault, 'Locked');
      await lockToggle(vault, 'Unlock').click();
      await waitForVaultState(vault, 'Unlocked');
    }

    // Every canary went through: the vault holds them (encrypted) — the search below is meaningful.
    const entries = await listEntries(harness, (await vaultByName(harness, 'Canaries')).id);
    expect(entries.map((entry) => entry.name).sort()).toEqual(['Canary key', 'Imported canary', 'Pasted canary']);
    const secrets = Object.values(canaries);
    expect(new Set(secrets).size).toBe(5);
    expect(secrets.every((secret) => secret.length >= 30)).toBe(true);
    // The console capture works (a message the page prints is recorded), and so do the logs.
    await page.evaluate('console.info("keyhaven e2e console probe")');
    expect(app.consoleMessages).toContain('info: keyhaven e2e console probe');
    await harness.waitForStderr('POST /rpc/entries:reveal 200');
    const pageLeaks = await pageHits(app, secrets);
    await app.context.close(); // before the harness stops: the page would go on calling it

    // A restart on the same data folder (opening leaves a copy in backups/): still all there.
    expect(await harness.stop()).toBe(0);
    const restarted = await e2e.startHarness({ dataDir: harness.dataDir });
    const again = await e2e.open(restarted);
    await goToVaults(again.page);
    const back = await openVault(again.page, 'Canaries');
    await lockToggle(back, 'Unlock').click();
    await waitForVaultState(back, 'Unlocked');
    expect(await revealEntry(back, 'Pasted canary')).toBe(canaries.edit);
    const pageLeaksAgain = await pageHits(again, secrets);
    await again.context.close();
    expect(await restarted.stop()).toBe(0);

    // The search: data folders, export files, logs, console, page storage.
    const dataFiles = await readdir(harness.dataDir, { recursive: true });
    expect(
      dataFiles.some((name) => name.startsWith('backups')),
      'backups/ is searched too',
    ).toBe(true);
    expect(
      (await filesContaining(harness.dataDir, 'Pasted canary')).length,
      'the search reads the vault files (entry names are in clear)',
    ).toBeGreaterThan(0);
    const hits: CanaryHit[] = [
      ...(await folderHits(harness.dataDir, secrets)),
      ...(await folderHits(other.dataDir, secrets)),
      ...(await folderHits(outside, secrets)),
      ...logHits([harness, restarted, other], secrets),
      ...textHits('console (first page)', app.consoleMessages.join('\n'), secrets),
      ...textHits('console (after restart)', again.consoleMessages.join('\n'), secrets),
      ...pageLeaks,
      ...pageLeaksAgain,
    ];
    expect(hits).toEqual([]);

    // Positive control: a copy planted in backups/ (base64, at an odd offset) and in a `.bak` (clear)
    // is found, and so is one in a log line.
    await expectPlantedCopiesFound(harness.dataDir, canaries, secrets);
  });
});
