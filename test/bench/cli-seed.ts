import { randomBytes } from 'node:crypto';
import { openCore, type Core } from '../../electron/core/core';
import { sealAccount } from '../../electron/core/integrity/seal-source';
import { randomBase62 } from '../../electron/core/keys/base62';
import { pepperAccount } from '../../electron/core/keys/pepper';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { SERVICE_PRESET_IDS } from '../../shared/catalogs/service-presets';
import { timeMsAsync } from './stats';

/**
 * A data folder for the command-line bench (cli.ts): one vault of `count` entries, added one by one
 * through the real core (addEntry, one durable write each) with the real OS keychain, as the app and
 * `keyhaven vault add` would. The command-line processes then open the same folder and keychain items.
 *
 * Every keychain item the folder has (each vault's data key, and the installation's seal key and
 * pepper if they were made) is recorded as soon as it exists; `remove()` deletes them, through the
 * core's deleteVault first and then directly, so a failed run leaves nothing in a developer's keychain.
 */
export interface SeededFolder {
  dataDir: string;
  vaultName: string;
  /** In the order added; names are `entry-0000` … */
  entries: { name: string; secret: string }[];
  /** Seeding time (context only, not a figure). */
  seedMs: number;
  /** Deletes the vaults and their keychain items. Safe to call more than once. */
  remove(): Promise<void>;
}

export const BENCH_VAULT_NAME = 'Bench-CLI';

/**
 * Secrets shaped like pasted API keys: a third share the `sk_live_` prefix (as in vault-secret-detector's
 * own measurements, so the scan's trie has to tell them apart), the rest random base64url.
 */
function benchSecret(i: number): string {
  return i % 3 === 0 ? `sk_live_${randomBase62(32)}` : `${randomBytes(30).toString('base64url')}`;
}

export async function seedCliFolder(dataDir: string, count = 1_000): Promise<SeededFolder> {
  const keychain = new KeytarKeychain();
  const accounts = new Set<string>();
  let removed = false;
  const remove = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    // The core's own way first (the record goes, then the data key), then any item still recorded.
    let core: Core | null = null;
    try {
      core = await openCore({ dataDir, keychain, version: 'bench', console: false, logError: () => undefined });
      for (const vault of core.vaults.vaults.listVaults()) await core.vaults.vaults.deleteVault(vault.id);
    } catch {
      // The folder may be half made or gone: the direct deletes below still run.
    } finally {
      await core?.close().catch(() => undefined);
    }
    for (const account of accounts) await keychain.delete(account).catch(() => false);
  };

  let core: Core | null = null;
  try {
    core = await openCore({ dataDir, keychain, version: 'bench', console: false, logError: () => undefined });
    const installationId = core.db.snapshot().installationId;
    accounts.add(sealAccount(installationId));
    accounts.add(pepperAccount(installationId));
    const vaults = core.vaults;
    const vault = await vaults.vaults.createVault(BENCH_VAULT_NAME);
    accounts.add(vaultAccount(vault.id));
    const entries = Array.from({ length: count }, (_, i) => ({
      name: `entry-${String(i).padStart(4, '0')}`,
      secret: benchSecret(i),
    }));
    const seedMs = await timeMsAsync(() =>
      vaults.vaults.withUnlocked([vault.id], async () => {
        for (const [i, entry] of entries.entries()) {
          const preset = SERVICE_PRESET_IDS[i % SERVICE_PRESET_IDS.length];
          await vaults.entries.addEntry({
            vaultId: vault.id,
            name: entry.name,
            secret: entry.secret,
            preset,
            ...(preset === 'custom' ? { service: 'Internal API' } : {}),
            tags: ['bench'],
          });
        }
      }),
    );
    const stored = vaults.entries.listEntries(vault.id).length;
    if (stored !== count) throw new Error(`seeding stored ${stored} of ${count} entries`);
    await core.close();
    core = null;
    return { dataDir, vaultName: BENCH_VAULT_NAME, entries, seedMs, remove };
  } catch (error) {
    await core?.close().catch(() => undefined);
    await remove();
    throw error;
  }
}
