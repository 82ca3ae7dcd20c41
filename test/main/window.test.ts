import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { vaultAccount } from '../../electron/core/vaults/data-keys';
import { openVaultDb } from '../../electron/core/vaults/vault-db';
import { CHANNELS } from '../../shared/ipc/channels';
import { makeTempDir } from '../support/temp-dir';
import { electron, FakeBrowserWindow, FakeEvent } from './support/electron-stub';

vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);

const { createMainWindow } = await import('../../electron/main/window');
const { installContentsGuards, installPermissionGuards } = await import('../../electron/main/security/guards');
const { isAppUrl, resolveAppPage } = await import('../../electron/main/app-origin');

const INDEX = '/opt/Keyhaven/out/renderer/index.html';
const page = resolveAppPage({ devUrl: undefined, isPackaged: true, indexFile: INDEX });
const ours = (url: string): boolean => isAppUrl(page, url);

beforeEach(() => electron.reset());

describe('the main window', () => {
  it('is created with exactly the hardened web preferences', () => {
    createMainWindow(page);
    expect(electron.windows).toHaveLength(1);
    const options = electron.windows[0]?.options ?? {};
    const prefs = options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    // Nothing else slipped in (no experimentalFeatures, no additionalArguments, …).
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
    const preload = String(prefs.preload);
    expect(isAbsolute(preload)).toBe(true);
    expect(preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(options).toMatchObject({ show: false, title: 'Keyhaven', backgroundColor: '#f6f7f9' });
    expect(options.minWidth).toEqual(expect.any(Number));
    expect(options.minHeight).toEqual(expect.any(Number));
  });

  it('shows only once ready to show', () => {
    const window = createMainWindow(page) as unknown as FakeBrowserWindow;
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('loads the built page through app://, or the dev server in development', () => {
    const built = createMainWindow(page) as unknown as FakeBrowserWindow;
    expect(built.webContents.loadedUrl).toBe('app://keyhaven/index.html');
    const devPage = resolveAppPage({ devUrl: 'http://localhost:5173', isPackaged: false, indexFile: INDEX });
    const dev = createMainWindow(devPage) as unknown as FakeBrowserWindow;
    expect(dev.webContents.loadedUrl).toBe('http://localhost:5173/');
  });
});

describe('web contents guards', () => {
  const guardedContents = () => {
    installContentsGuards(ours);
    return new FakeBrowserWindow({}).webContents;
  };

  it('prevents navigation and redirects away from the app page', () => {
    const contents = guardedContents();
    for (const event of ['will-navigate', 'will-redirect'] as const) {
      expect(contents.navigate(event, 'https://evil.example/')).toBe(true);
      expect(contents.navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(contents.navigate(event, 'http://localhost:5173/')).toBe(true);
      expect(contents.navigate(event, `${page.url}#/vaults`)).toBe(false);
    }
  });

  it('denies window.open and hands only https links to the browser', async () => {
    const contents = guardedContents();
    expect(contents.openWindow('https://docs.example.com/keys?x=1')).toEqual({ action: 'deny' });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'keyhaven:evil',
      'not a url',
      'http://plain.example/',
    ]) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(electron.openedExternally).toEqual(['https://docs.example.com/keys?x=1']);
  });

  it('refuses to attach a <webview>', () => {
    const contents = guardedContents();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  const request = (permission: string, requestingUrl: string, isMainFrame = true): boolean => {
    let granted: boolean | undefined;
    electron.permissionRequestHandler?.({}, permission, (answer) => (granted = answer), { requestingUrl, isMainFrame });
    if (granted === undefined) throw new Error('the permission request was not answered');
    return granted;
  };
  const check = (permission: string, requestingUrl: string | undefined, isMainFrame = true): boolean =>
    electron.permissionCheckHandler?.({}, permission, 'file:///', { requestingUrl, isMainFrame }) ?? true;

  beforeEach(() => installPermissionGuards());

  it('denies every permission request', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(request(permission, page.url)).toBe(false);
      expect(check(permission, page.url)).toBe(false);
    }
  });

  it("denies clipboard writes too, even to the app's own top frame: copying happens in main", () => {
    expect(request('clipboard-sanitized-write', page.url)).toBe(false);
    expect(check('clipboard-sanitized-write', `${page.url}#/apps`)).toBe(false);
    expect(request('clipboard-sanitized-write', page.url, false)).toBe(false);
    expect(check('clipboard-sanitized-write', page.url, false)).toBe(false);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check('clipboard-sanitized-write', undefined)).toBe(false);
  });
});

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
      const db = await openVaultDb(dataDir.path);
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
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
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
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(2)); // …then quit again
    const again = new FakeEvent();
    electron.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('shows the error and exits, never starting empty, when the data file is damaged', async () => {
    await writeFile(join(dataDir.path, 'keyhaven.json'), '{ "schemaVersion": 1, "apps": [');
    await start();
    electron.app.becomeReady();
    await vi.waitFor(() => expect(electron.app.exitCodes).toEqual([1]));
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]?.title).toBe('Keyhaven cannot open its data');
    expect(electron.errorBoxes[0]?.content).toContain(join(dataDir.path, 'keyhaven.json'));
    expect(logged.join('\n')).toContain('cannot open its data');
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
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
