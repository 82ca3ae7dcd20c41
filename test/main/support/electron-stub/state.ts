// The stub's one recorded state, `electron`: what main registered and did, and reset() between tests.
import { EventEmitter } from 'node:events';
import { FakeApp } from './app';
import { windowHooks, type FakeBrowserWindow } from './browser-window';
import { FakeClipboard } from './clipboard';
import { FakeEvent } from './events';
import { FakePowerMonitor } from './power-monitor';
import { FakeSystemPreferences } from './system-preferences';

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl?: string; isMainFrame: boolean },
) => boolean;
export type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

function createElectron() {
  /** What the app and the clipboard call to log a call in `calls`. */
  const record = (call: string): void => void state.calls.push(call);
  const state = {
    calls: [] as string[],
    windows: [] as FakeBrowserWindow[],
    app: new FakeApp(record),
    clipboard: new FakeClipboard(record),
    powerMonitor: new FakePowerMonitor(),
    systemPreferences: new FakeSystemPreferences(),
    ipcHandlers: new Map<string, InvokeHandler>(),
    errorBoxes: [] as Array<{ title: string; content: string }>,
    openedExternally: [] as string[],
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    /** Listeners main put on the default session ('will-download'). */
    sessionEvents: new EventEmitter(),
    exposed: new Map<string, unknown>(),
    /** protocol.registerSchemesAsPrivileged calls, and the protocol.handle handlers by scheme. */
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    rendererInvokes: [] as Array<{ channel: string; args: unknown[] }>,
    /** ipcRenderer.on listeners by channel (the preload's event subscriptions). */
    rendererListeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
    rendererInvokeResult: { ok: true, value: 'stub' } as unknown,

    /** Calls the handler main registered for `channel`, as a renderer's ipcRenderer.invoke would. */
    async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
      const handler = state.ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
    reset(): void {
      state.calls = [];
      state.windows = [];
      state.app.removeAllListeners();
      state.app = new FakeApp(record);
      state.clipboard = new FakeClipboard(record);
      state.powerMonitor.removeAllListeners();
      state.systemPreferences = new FakeSystemPreferences();
      state.powerMonitor = new FakePowerMonitor();
      state.ipcHandlers.clear();
      state.errorBoxes = [];
      state.openedExternally = [];
      state.permissionRequestHandler = null;
      state.permissionCheckHandler = null;
      state.sessionEvents.removeAllListeners();
      state.exposed.clear();
      state.privilegedSchemes = [];
      state.protocolHandlers.clear();
      state.rendererInvokes = [];
      state.rendererListeners.clear();
      state.rendererInvokeResult = { ok: true, value: 'stub' };
    },
  };
  return state;
}

type ElectronState = ReturnType<typeof createElectron>;
const holder = globalThis as { __keyhavenElectronStub?: ElectronState };
export const electron: ElectronState = (holder.__keyhavenElectronStub ??= createElectron());

windowHooks.opened = (window) => {
  electron.windows.push(window);
  // Electron announces every new web contents; the security guards hang on this event.
  electron.app.emit('web-contents-created', new FakeEvent(), window.webContents);
};
windowHooks.all = () => [...electron.windows];
