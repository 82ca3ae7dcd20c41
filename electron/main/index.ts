import { app, dialog, Notification, session, type BrowserWindow } from 'electron';
import { createHandlers } from '../core/api/handlers';
import { judgeError } from '../core/api/error-judge';
import { openCoreHost, type CoreHost } from '../core/core-host';
import { KeytarKeychain } from '../core/keychain/keytar-keychain';
import { electronPlatform } from './platform/electron-platform';
import { isAppUrl, resolveAppPage, type AppPage } from './app-origin';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { applyDataDir } from './data-dir';
import { startExpiryNotifier } from './expiry-notifier';
import { forwardEvents } from './ipc/event-forwarder';
import { registerIpc } from './ipc/ipc-manager';
import { RENDERER_INDEX } from './paths';
import { installDownloadGuard } from './security/download-guard';
import { installContentsGuards, installPermissionGuards } from './security/guards';
import { createMainWindow } from './window';

/**
 * Keyhaven's main process: lifecycle only. The domain is the core (no Electron in it); this file wires
 * it to a hardened window and to IPC, and makes sure the app never runs on empty data by mistake.
 */
const FATAL_TITLE = 'Keyhaven cannot open its data';
const log = (line: string): void => console.error(line);

let host: CoreHost | null = null;
let window: BrowserWindow | null = null;

function boot(): void {
  // Every renderer sandboxed, whatever a window's own options say.
  app.enableSandbox();
  registerAppScheme();

  let dataDir: string;
  let page: AppPage;
  try {
    // Before the lock: userData holds it, so each data folder has its own single instance.
    dataDir = applyDataDir(app);
    page = resolveAppPage({
      devUrl: process.env.ELECTRON_RENDERER_URL,
      isPackaged: app.isPackaged,
      indexFile: RENDERER_INDEX,
    });
  } catch (error) {
    // Our own messages about the command line or environment (CoreErrors): shown as they are.
    fatal(describe(error, 'reading the command line'));
    return;
  }

  // A second instance would be a second writer on the same data files (DESIGN §6).
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const ours = (url: string): boolean => isAppUrl(page, url);
  installContentsGuards(ours);

  const openWindow = (): void => {
    const created = createMainWindow(page, log);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // macOS: clicking the dock icon with no window open brings the window back.
  app.on('activate', () => {
    if (host && !window) openWindow();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (!host) return;
    // Hold the quit until the core has flushed its data and released its lock, then quit again.
    event.preventDefault();
    if (closing) return;
    closing = true;
    host
      .close()
      .catch((error: unknown) => log(judgeError(error, 'closing the data').log))
      .finally(() => {
        host = null;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      installPermissionGuards();
      if (page.kind === 'app') serveAppScheme(page.folder);
      installDownloadGuard(session.defaultSession, app.getPath('documents'));
      let opened: CoreHost;
      try {
        // A damaged or newer data file does not stop the host: the window opens on what can be
        // recovered (DESIGN §6: never start empty by mistake, never lock the user out).
        opened = await openCoreHost({
          dataDir,
          keychain: new KeytarKeychain(),
          version: app.getVersion(),
          platform: electronPlatform(),
        });
      } catch (error) {
        fatal(describe(error, 'opening the data'));
        return;
      }
      host = opened;
      // Handlers first, so the page's very first request finds them.
      const handlers = createHandlers(opened);
      const mainContents = () => window?.webContents ?? null;
      registerIpc({ handlers, mainContents, isAppUrl: ours, log });
      forwardEvents({ events: opened.events, mainContents, isAppUrl: ours, log });
      openWindow();
      // Until keyhaven.json opens (after a restore), there is nothing to remind of.
      const takeDue = async () => (await opened.openCore()?.reminders.takeDue()) ?? [];
      startExpiryNotifier({ takeDue, notify: showNotification, log });
    })
    .catch((error: unknown) => fatal(describe(error, 'starting')));
}

function showNotification(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  notification.on('click', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  notification.show();
}

function fatal(message: string): void {
  log(`[keyhaven] ${FATAL_TITLE}: ${message}`);
  dialog.showErrorBox(FATAL_TITLE, message);
  // exit, not quit: nothing is open to close, and a non-zero status tells scripts and the harness.
  app.exit(1);
}

/**
 * What the start-up dialog says, as judged in one place (error-judge.ts). An unexpected failure is
 * logged with its reference; since a packaged app that cannot start has no log the user can open, the
 * dialog also carries its redacted details.
 */
function describe(error: unknown, where: string): string {
  const judged = judgeError(error, where);
  if (judged.expected) return judged.shown.message;
  log(judged.log);
  return `${judged.shown.message}\n\n${judged.detail}`;
}

boot();
