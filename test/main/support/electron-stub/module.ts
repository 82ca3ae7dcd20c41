// The module object handed to vi.mock('electron'), over the recorded state.
import { EventEmitter } from 'node:events';
import { FakeBrowserWindow } from './browser-window';
import { FakeClipboardItem } from './clipboard';
import { electron, type InvokeHandler, type PermissionCheckHandler, type PermissionRequestHandler } from './state';

/** The module object handed to vi.mock('electron'): getters, so reset() swaps what code sees. */
export const electronModule = {
  get app() {
    return electron.app;
  },
  BrowserWindow: FakeBrowserWindow,
  get clipboard() {
    return electron.clipboard;
  },
  ClipboardItem: FakeClipboardItem,
  get powerMonitor() {
    return electron.powerMonitor;
  },
  get systemPreferences() {
    return electron.systemPreferences;
  },
  ipcMain: {
    handle(channel: string, handler: InvokeHandler): void {
      // Electron throws on a second handler for one channel; so does the stub.
      if (electron.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      electron.calls.push(`ipcMain.handle ${channel}`);
      electron.ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      electron.ipcHandlers.delete(channel);
    },
    on(channel: string): never {
      throw new Error(`ipcMain.on('${channel}') is not part of Keyhaven's IPC: use handle`);
    },
  },
  Notification: class FakeNotification extends EventEmitter {
    static isSupported(): boolean {
      return true;
    }
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show(): void {
      electron.calls.push(`notification ${this.options.title}`);
    }
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
      // Electron allows this only before ready: so does the stub.
      if (electron.calls.includes('ready')) {
        throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      }
      electron.calls.push('protocol.registerSchemesAsPrivileged');
      electron.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
      electron.calls.push(`protocol.handle ${scheme}`);
      electron.protocolHandlers.set(scheme, handler);
    },
  },
  dialog: {
    showErrorBox(title: string, content: string): void {
      electron.errorBoxes.push({ title, content });
    },
  },
  shell: {
    async openExternal(url: string): Promise<void> {
      electron.openedExternally.push(url);
    },
  },
  session: {
    defaultSession: {
      on(event: string, listener: (...args: unknown[]) => void): unknown {
        electron.calls.push(`session.on ${event}`);
        electron.sessionEvents.on(event, listener);
        return this;
      },
      setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
        electron.permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
        electron.permissionCheckHandler = handler;
      },
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      if (electron.exposed.has(key)) throw new Error(`'${key}' is already exposed`);
      electron.exposed.set(key, api);
    },
  },
  ipcRenderer: {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      electron.rendererInvokes.push({ channel, args });
      return electron.rendererInvokeResult;
    },
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void {
      let set = electron.rendererListeners.get(channel);
      if (!set) electron.rendererListeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void {
      electron.rendererListeners.get(channel)?.delete(listener);
    },
  },
};

export default electronModule;
