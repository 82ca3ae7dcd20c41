import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { openCoreHost, type CoreHost } from '../../../electron/core/core-host';
import { createInProcessApi } from '../../support/in-process-api';
import { bytesOf, livedFolder, type LivedFolder } from '../../support/lived-folder';

const DAMAGED = '{ "schemaVersion": 1, "apps": [';

describe('a damaged keyhaven.json: the host stays open on the recovery page', () => {
  let folder: LivedFolder;
  let host: CoreHost | null = null;
  beforeEach(async () => {
    folder = await livedFolder();
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    await folder.remove();
  });

  const openHost = async () => {
    host = await openCoreHost({ dataDir: folder.dataDir, keychain: folder.keychain, version: '9.9.9' });
    return { host, api: createInProcessApi(createHandlers(host)) };
  };

  it('answers every data request with the problem, and restores the newest clean backup', async () => {
    await folder.damage('keyhaven.json', DAMAGED);
    const { api } = await openHost();
    const status = await api.system.status();
    expect(status).toMatchObject({
      ok: true,
      value: {
        version: '9.9.9',
        keychain: { state: 'connected' },
        dataProblems: [
          {
            part: 'keys',
            kind: 'damaged',
            file: join(folder.dataDir, 'keyhaven.json'),
            backup: { kind: 'snapshot' },
            actions: ['restoreBackup'],
          },
        ],
      },
    });
    for (const refused of [await api.apps.list(), await api.vaults.list(), await api.console.history()]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_CORRUPT' } });
      if (!refused.ok) {
        expect(refused.error.message).toBe(
          'Keyhaven cannot open its data: keyhaven.json is damaged (it is not valid JSON; it may have been ' +
            'truncated). Keyhaven offers to restore its backup.',
        );
      }
    }
    expect(await api.recovery.startEmpty({ part: 'vaults' })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_CORRUPT' },
    });

    const restored = await api.recovery.restoreBackup({ part: 'keys' });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.status.dataProblems).toEqual([]);
    expect(await bytesOf(restored.value.keptAs[0]!)).toBe(DAMAGED);
    expect(await api.apps.list()).toMatchObject({ ok: true, value: [{ name: 'Pyas' }] });
    expect(await api.vaults.list()).toMatchObject({ ok: true, value: [{ name: 'Personal', entryCount: 1 }] });
  });

  it('offers nothing to restore when no backup opens, and never starts the key store empty', async () => {
    await writeFile(join(folder.dataDir, 'keyhaven.json.bak'), '');
    for (const name of await readdir(join(folder.dataDir, 'backups'))) {
      if (name.startsWith('keyhaven-')) await writeFile(join(folder.dataDir, 'backups', name), '[]');
    }
    await folder.damage('keyhaven.json', DAMAGED);
    const { api } = await openHost();
    expect(await api.system.status()).toMatchObject({
      ok: true,
      value: { dataProblems: [{ part: 'keys', backup: null, actions: [] }] },
    });
    expect(await api.recovery.restoreBackup({ part: 'keys' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await bytesOf(join(folder.dataDir, 'keyhaven.json'))).toBe(DAMAGED);
  });

  it('is a plain core when nothing is wrong', async () => {
    const { host: opened, api } = await openHost();
    expect(opened.openCore()).not.toBeNull();
    expect(await api.system.status()).toMatchObject({ ok: true, value: { dataProblems: [] } });
    expect(await api.recovery.restoreBackup({ part: 'keys' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
