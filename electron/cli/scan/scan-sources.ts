import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityEvent } from '../../core/activity/activity-event';
import { ownWords } from '../../core/api/error-judge';
import type { Core } from '../../core/core';
import type { CliContext } from '../context';
import type { KeyInfo, VaultSecret } from './findings';
import type { ScanSources } from './scan';

/**
 * What a scan matches against, from the data folder: each issued key's app and status, and every
 * vault key (opened in memory to compare, never printed). Without a data folder (a CI runner) or
 * without a keychain, the scan still finds Keyhaven keys by their checksum, and says what it skipped.
 */
export async function scanSources(context: CliContext, note: (line: string) => void): Promise<ScanSources> {
  if (!existsSync(join(context.dataDir, 'keyhaven.json'))) {
    note('keyhaven: no data folder here; Keyhaven keys are found by their checksum, vault keys are not compared.');
    return { lookupKey: () => null, vaultSecrets: [] };
  }
  let core: Core;
  try {
    core = await context.core();
  } catch (error) {
    const reason = ownWords(error) ?? 'the data folder could not be opened';
    note(`keyhaven: warning: ${reason} Keyhaven keys are found by their checksum only.`);
    return { lookupKey: () => null, vaultSecrets: [] };
  }
  return { lookupKey: keyLookup(core), vaultSecrets: await vaultSecrets(core, note) };
}

function keyLookup(core: Core): ScanSources['lookupKey'] {
  const known = new Map<string, KeyInfo>();
  for (const app of core.apps.list())
    for (const key of core.issuing.list(app.id))
      known.set(`${key.keyPrefix}_${key.keyId}`, { appName: app.name, status: key.status });
  return (prefix, keyId) => known.get(`${prefix}_${keyId}`) ?? null;
}

/** Every vault's keys, one keychain read per vault; each vault compared is recorded, never a value. */
async function vaultSecrets(core: Core, note: (line: string) => void): Promise<VaultSecret[]> {
  const secrets: VaultSecret[] = [];
  const events: ActivityEvent[] = [];
  let vaults;
  try {
    vaults = core.vaults;
  } catch (error) {
    note(`keyhaven: warning: vault keys not compared: ${ownWords(error) ?? 'the vaults could not be opened.'}`);
    return [];
  }
  for (const vault of vaults.vaults.listVaults()) {
    const entries = vaults.entries.listEntries(vault.id);
    if (entries.length === 0) continue;
    try {
      await vaults.vaults.withUnlocked([vault.id], async () => {
        for (const entry of entries) {
          const { secret } = vaults.entries.reveal(entry.id);
          secrets.push({ vaultName: vault.name, entryName: entry.name, entryId: entry.id, secret });
        }
      });
      const count = entries.length;
      events.push({
        type: 'entry.read',
        appId: null,
        vaultId: vault.id,
        summary: `Vault "${vault.name}": ${count} ${count === 1 ? 'key' : 'keys'} compared (never shown) by keyhaven scan`,
      });
    } catch (error) {
      note(
        `keyhaven: warning: keys of the vault "${vault.name}" not compared: ${ownWords(error) ?? 'it could not be opened.'}`,
      );
    }
  }
  await core.db.record(events);
  return secrets;
}
