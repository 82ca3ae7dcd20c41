import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keychain } from '../../../electron/core/keychain/keychain';
import type { PresencePort } from '../../../electron/core/platform/ports';
import { openVaults, type Vaults } from '../../../electron/core/vaults/vaults';
import { ManualClock } from '../../support/manual-clock';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';
import { folderSeals } from '../../support/folder-seals';

export const CANARY = 'canary_Vq3ZpL9.s3cr3t-KH-7f1e';

/** A vault stack on a real temp data dir with an in-memory keychain (or the one given). */
export async function openFixture(keychain: Keychain = new MemoryKeychain(), presence: PresencePort | null = null) {
  const dir = await makeTempDir('keyhaven-vaults');
  const clock = new ManualClock();
  const seals = folderSeals(keychain);
  // A test-only scrypt cost for the Keyhaven passphrase; passphrase.test.ts checks the real one.
  const open = () => openVaults(dir.path, keychain, clock, seals, { presence, scryptN: 1024 });
  let vaults: Vaults = await open();
  return {
    dir: dir.path,
    clock,
    keychain,
    /** The record seal key's source: another stack opened on a copy of the folder must share it. */
    seals,
    get v() {
      return vaults;
    },
    async reopen() {
      await vaults.close();
      vaults = await open();
    },
    async dispose() {
      await vaults.close().catch(() => undefined);
      await dir.remove();
    },
  };
}

/** Every file under the data dir (data file, journal, .bak, backups/, temps) whose bytes contain `text`. */
export async function filesContaining(dir: string, text: string): Promise<string[]> {
  const hits: string[] = [];
  const needles = [Buffer.from(text), Buffer.from(Buffer.from(text).toString('base64'))];
  for (const name of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const path = join(name.parentPath, name.name);
    const bytes = await readFile(path).catch(() => null); // a lock file may vanish meanwhile
    if (!bytes) continue;
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}
