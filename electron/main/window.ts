import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { AppPage } from './app-origin';
import { PRELOAD_PATH, WINDOW_ICON } from './paths';

/** The UI's background (#f6f7f9), so the window does not flash white before the first paint. */
const BACKGROUND = '#f6f7f9';

/**
 * The hardened options of Keyhaven's window (DESIGN §8). Every flag is spelled out, even where it is
 * Electron's default, so a future default change or a careless edit shows up in review and in tests.
 */
export function mainWindowOptions(preload: string = PRELOAD_PATH): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 880,
    minHeight: 560,
    title: 'Keyhaven',
    ...(process.platform === 'linux' ? { icon: WINDOW_ICON } : {}),
    backgroundColor: BACKGROUND,
    show: false, // shown on ready-to-show: no half-painted window
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false, // secrets typed into fields must not go to a spelling service
      preload,
    },
  };
}

/** Creates the window and loads Keyhaven's own page: app://keyhaven/, or the dev server in `electron-vite dev`. */
export function createMainWindow(page: AppPage, log: (line: string) => void = console.error): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions());
  window.once('ready-to-show', () => window.show());
  const loading = window.loadURL(page.url);
  loading.catch((error: unknown) => {
    log(`[keyhaven] the window could not load its page: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
