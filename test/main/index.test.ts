import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { openVaultDb } from '../../electron/core/vaults/vault-db';
import { CHANNELS } from '../../shared/ipc/channels';
import { MemoryKeychain } from '../support/memory-keychain';
import { makeTempDir } from '../support/temp-dir';
import type { FakeBrowserWindow } from './support/electron-stub';
import { electron, FakeEvent } from './support/electron-stub';
import { folderSeals } from '../support/folder-seals';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

beforeEach(() => electron.reset());

/** Opening the real core on the real keychain takes ~0.3 s idle and seconds on a loaded CI machine. */
const CORE_OPENS = { timeout: 15_000 };

describe('the app entry (electron/main/index.ts)', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let logged: string[];

  beforeEach(async () => {
    vi.resetModules();
    logged = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)));
    dataDir = await makeTempDir('keyhaven-main');
    vi.stubEnv('KEYHAVEN_DATA_DIR', dataDir.path);
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    // The entry opens the real core on the real keychain, whose first run creates the default vault's
    // data key there: remove it, so no run leaves an item behind in a developer's keychain.
    if (existsSync(join(dataDir.path, 'vaults.json'))) {
      const db = await openVaultDb(dataDir.path, folderSeals(new MemoryKeychain()));
      const ids = db.snapshot().vaults.map((vault) => vault.id);
      await db.close();
      for (const id of ids) await new KeytarKeychain().delete(vaultAccount(id)).catch(() => false);
    }
    await dataDir.remove();
  });

  const start = () => import('../../electron/main/index');

  it('quits when the single-instance lock is held by another instance', async () => {
    electron.app.gotLock = false;
    await start();
    expect(electron.calls).toContain('app.requestSingleInstanceLock');
    expect(electron.app.quitCalls).toBe(1);
    electron.app.becomeReady();
    await Promise.resolve();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('sandboxes, moves userData, opens the core, registers IPC, then opens the window; closes the core on quit', async () => {
    await start();
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.app.getPath('userData')).toBe(dataDir.path);
    // app:// is privileged before ready (Electron refuses it later), and served only once ready.
    expect(electron.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    expect(electron.protocolHandlers.size).toBe(0);
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), CORE_OPENS);
    expect([...electron.protocolHandlers.keys()]).toEqual(['app']);
    expect(electron.windows[0]?.webContents.loadedUrl).toBe('app://keyhaven/index.html');
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(electron.permissionRequestHandler).not.toBeNull();

    const window = electron.windows[0] as FakeBrowserWindow;
    window.minimized = true;
    electron.app.emit('second-instance');
    expect(window.restored && window.focused).toBe(true);

    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(1);
    const willQuit = new FakeEvent();
    electron.app.emit('will-quit', willQuit);
    expect(willQuit.defaultPrevented).toBe(true); // held until the core has closed…
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(2), CORE_OPENS); // …then quit again
    const again = new FakeEvent();
    electron.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('opens the window on the recovery page when keyhaven.json is damaged, and restores its backup', async () => {
    // Two sessions: the second open leaves a copy in backups/ holding the app; then the file is damaged.
    for (const name of ['Pyas', null]) {
      const t = await openCore({ dataDir: dataDir.path, keychain: new MemoryKeychain(), version: 'test' });
      if (name) await t.apps.create({ name });
      await t.close();
    }
    await writeFile(join(dataDir.path, 'keyhaven.json'), '{ "schemaVersion": 1, "apps": [');
    await start();
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), CORE_OPENS);
    expect(electron.errorBoxes).toEqual([]);
    expect(electron.app.exitCodes).toEqual([]);
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());

    const contents = (electron.windows[0] as FakeBrowserWindow).webContents;
    const call = (channel: string, input: unknown = {}) =>
      electron.invoke(channel, { sender: contents, senderFrame: contents.mainFrame }, input) as Promise<{
        ok: boolean;
        value?: Record<string, unknown>;
        error?: { code: string; message: string };
      }>;
    const status = await call('system:status');
    expect(status.value?.dataProblems).toEqual([
      expect.objectContaining({
        part: 'keys',
        kind: 'damaged',
        file: join(dataDir.path, 'keyhaven.json'),
        summary: 'keyhaven.json is damaged (it is not valid JSON; it may have been truncated).',
        backup: expect.objectContaining({ kind: 'snapshot' }),
        actions: ['restoreBackup'],
      }),
    ]);
    const refused = await call('apps:list');
    expect(refused.error?.code).toBe('STORAGE_CORRUPT');
    expect(refused.error?.message).toMatch(/^Keyhaven cannot open its data: keyhaven.json is damaged/);

    const restored = await call('recovery:restoreBackup', { part: 'keys' });
    expect(restored.ok).toBe(true);
    expect(restored.value?.keptAs).toEqual([expect.stringMatching(/keyhaven\.json\.damaged-\d{8}-\d{6}$/)]);
    expect(await call('apps:list')).toMatchObject({ ok: true, value: [{ name: 'Pyas' }] });
  });

  it('shows an unexpected start-up failure with a reference and its redacted details, and logs it', async () => {
    const notAFolder = join(dataDir.path, 'a-file');
    await writeFile(notAFolder, '');
    vi.stubEnv('KEYHAVEN_DATA_DIR', join(notAFolder, 'data'));
    await start();
    expect(electron.app.exitCodes).toEqual([1]);
    const shown = electron.errorBoxes[0]?.content ?? '';
    const reference = /^Something went wrong in Keyhaven \(reference ([0-9a-f]{8})\)\./.exec(shown)?.[1];
    expect(reference).toBeDefined();
    expect(shown).toMatch(/\n\nError: ENOTDIR: not a directory, mkdir '.*a-file\/data'$/);
    expect(
      logged.some((line) =>
        line.startsWith(`[keyhaven] reading the command line failed (ref ${reference}): Error: ENOTDIR`),
      ),
    ).toBe(true);
  });

  it('refuses an empty --data-dir before touching anything', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--data-dir='];
    try {
      await start();
    } finally {
      process.argv = argv;
    }
    expect(electron.app.exitCodes).toEqual([1]);
    expect(electron.errorBoxes[0]?.content).toBe('--data-dir needs a folder, e.g. --data-dir=/path/to/data.');
    expect(electron.calls).not.toContain('app.requestSingleInstanceLock');
  });
});
