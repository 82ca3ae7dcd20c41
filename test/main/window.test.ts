import { isAbsolute } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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
    // Linux windows get the app's icon from the built page's folder (elsewhere the bundle has one).
    const icon = built.options.icon as string | undefined;
    if (process.platform === 'linux') expect(icon).toMatch(/renderer[\\/]icon\.png$/);
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
