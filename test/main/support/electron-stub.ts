/**
 * A stand-in for the 'electron' module in main and preload tests, which records what the code under
 * test did with it. Use it with
 *
 *   vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);
 *   import { electron } from './support/electron-stub';
 *
 * and call `electron.reset()` in beforeEach. It is a single instance kept on globalThis, so the object
 * a test inspects is the one the code under test got, even after vi.resetModules().
 *
 * The stand-ins live in electron-stub/, one module per part of Electron: app, BrowserWindow and its
 * webContents, clipboard, powerMonitor, events; the recorded state; and the module object itself.
 */
export { FakeBrowserWindow } from './electron-stub/browser-window';
export { FakeClipboardItem } from './electron-stub/clipboard';
export { FakeEvent, fakeEvent } from './electron-stub/events';
export { electronModule, electronModule as default } from './electron-stub/module';
export {
  electron,
  type InvokeHandler,
  type PermissionCheckHandler,
  type PermissionRequestHandler,
} from './electron-stub/state';
export { FakeWebContents, FakeWebFrame, type WindowOpenDetails } from './electron-stub/web-contents';
