import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { openVaultDb } from '../../electron/core/vaults/vault-db';
import { livedFolder, type LivedFolder } from '../support/lived-folder';
import { screenshotBothSizes as shoot } from './support/browser';
import { useE2E } from './support/e2e';
import { folderSeals } from '../support/folder-seals';
import { MemoryKeychain } from '../support/memory-keychain';

/**
 * Issue 9, "one damaged file never locks the user out", in Chromium through the harness, with the real
 * keychain: the banner for vaults.json and console.json and its two choices, the recovery page for
 * keyhaven.json, each screen at 1280×800 and 1024×640, each checked with axe-core.
 */
/** A lived-in folder whose vault data keys are in the real keychain; they are removed afterwards. */
async function seeded(): Promise<LivedFolder & { cleanUp: () => Promise<void> }> {
  const folder = await livedFolder({ keychain: new KeytarKeychain() });
  return {
    ...folder,
    async cleanUp() {
      const db = await openVaultDb(folder.dataDir, folderSeals(new MemoryKeychain())).catch(() => null);
      const ids = db?.snapshot().vaults.map((vault) => vault.id) ?? [];
      await db?.close();
      for (const id of ids) await folder.keychain.delete(vaultAccount(id)).catch(() => false);
      await folder.remove();
    },
  };
}

describe('a damaged data file in the app', () => {
  const e2e = useE2E();

  it('vaults.json: the banner, Restore backup with its confirmation, and the vaults back', async () => {
    const folder = await seeded();
    try {
      await folder.damage('vaults.json', '{"schemaVersion":1,');
      const harness = await e2e.startHarness({ dataDir: folder.dataDir });
      const { page } = await e2e.open(harness);
      const banner = page.getByRole('alert').filter({ hasText: 'Your vaults could not be opened' });
      await banner.waitFor();
      await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Pyas' }).waitFor();
      await shoot(page, '140-recovery-vaults-banner');

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: /Vaults/ })
        .click();
      await page.getByRole('heading', { name: 'Your vaults are unavailable' }).waitFor();
      await shoot(page, '141-recovery-vaults-screen');

      await banner.getByRole('button', { name: 'Restore backup…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore vaults.json from its backup?' });
      await dialog.waitFor();
      await shoot(page, '142-recovery-restore-confirm');
      await dialog.getByRole('button', { name: 'Restore backup' }).click();
      await page.getByText('Your vaults were restored from the backup').waitFor();
      await page.getByText('Pyas prod').waitFor();
      expect(await banner.count()).toBe(0);
      await shoot(page, '143-recovery-vaults-restored');
      expect((await readdir(folder.dataDir)).filter((name) => name.startsWith('vaults.json.damaged-'))).toHaveLength(1);
    } finally {
      await folder.cleanUp();
    }
  });

  it('console.json: Start with an empty history, after its confirmation', async () => {
    const folder = await seeded();
    try {
      await folder.damage('console.json', '[]');
      const harness = await e2e.startHarness({ dataDir: folder.dataDir });
      const { page } = await e2e.open(harness);
      const banner = page
        .getByRole('alert')
        .filter({ hasText: "The console's history and saved requests could not be opened" });
      await banner.getByRole('button', { name: 'Start with an empty history…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Start with an empty history?' });
      await dialog.waitFor();
      await shoot(page, '144-recovery-start-empty-confirm');
      await dialog.getByRole('button', { name: 'Start with an empty history' }).click();
      await page.getByText('The console started with an empty history and no saved requests').waitFor();
      expect(await banner.count()).toBe(0);
    } finally {
      await folder.cleanUp();
    }
  });

  it('keyhaven.json: the recovery page, then the whole app after Restore backup', async () => {
    const folder = await seeded();
    try {
      await folder.damage('keyhaven.json', '{"schemaVersion":1,"apps":[');
      const harness = await e2e.startHarness({ dataDir: folder.dataDir });
      const { page } = await e2e.open(harness);
      await page.getByRole('heading', { name: 'Keyhaven cannot open its data' }).waitFor();
      await shoot(page, '145-recovery-page');
      await page.getByRole('button', { name: 'Restore backup…' }).click();
      await page.getByRole('dialog', { name: 'Restore keyhaven.json from its backup?' }).waitFor();
      await shoot(page, '146-recovery-page-confirm');
      await page.getByRole('dialog').getByRole('button', { name: 'Restore backup' }).click();
      await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Pyas' }).waitFor();
    } finally {
      await folder.cleanUp();
    }
  });
});
