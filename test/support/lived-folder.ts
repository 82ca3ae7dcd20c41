/**
 * A data folder that has lived a little: two sessions of the real core, so each document has a `.bak`
 * and a copy in backups/ like a user's folder after a few days, then whatever damage a test inflicts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoleRequestSchema } from '../../shared/console/request';
import { openCore, type Core } from '../../electron/core/core';
import type { Keychain } from '../../electron/core/keychain/keychain';
import { MemoryKeychain } from './memory-keychain';
import { makeTempDir } from './temp-dir';

export const LIVED_SECRET = 'sk_live_recovery_fixture_51Hq8';

export interface LivedFolder {
  dataDir: string;
  keychain: Keychain;
  open: () => Promise<Core>;
  damage: (fileName: string, contents?: string) => Promise<string>;
  remove: () => Promise<void>;
}

/**
 * First session: an app, a vault entry, a saved request. Second session: opened and closed. The
 * keychain is an in-memory one unless given (end-to-end tests pass the real one).
 */
export async function livedFolder(options: { keychain?: Keychain } = {}): Promise<LivedFolder> {
  const dir = await makeTempDir('keyhaven-recovery');
  const keychain = options.keychain ?? new MemoryKeychain();
  const open = () => openCore({ dataDir: dir.path, keychain, version: '0.0.0-test' });
  const first = await open();
  await first.apps.create({ name: 'Pyas' });
  const [personal] = first.vaults.vaults.listVaults();
  if (!personal) throw new Error('the first run made no default vault');
  await first.vaults.vaults.unlock(personal.id);
  await first.vaults.entries.addEntry({
    vaultId: personal.id,
    name: 'Pyas prod',
    preset: 'pyas',
    secret: LIVED_SECRET,
  });
  await first.console.saveRequest({
    name: 'Who am I',
    request: consoleRequestSchema.parse({ method: 'GET', url: 'http://127.0.0.1:9/v1/whoami' }),
  });
  await first.close();
  await (await open()).close();
  return {
    dataDir: dir.path,
    keychain,
    open,
    async damage(fileName, contents = '{ "schemaVersion": 1, "vaults": [') {
      const path = join(dir.path, fileName);
      await writeFile(path, contents);
      return path;
    },
    remove: dir.remove,
  };
}

export const bytesOf = (path: string) => readFile(path, 'utf8');
