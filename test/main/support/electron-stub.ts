import { EventEmitter } from 'node:events';

/**
 * A stand-in for the 'electron' module in main and preload tests, which records what the code under
 * test did with it. Use it with
 *
 *   vi.mock('electron', async () => (await import('./support/electron-stub')).electronModule);
 *   import { electron } from './support/electron-stub';
 *
 * and call `electron.reset()` in beforeEach. It is a single instance kept on globalThis, so the object
 * a test inspects is the one the code under test got, even after vi.resetModules().
 */

/** Electron's event objects: `preventDefault()` plus whatever details the event carries. */
export class FakeEvent<Details extends object = object> {
  defaultPrevented = false;
  constructor(details?: Details) {
    Object.assign(this, details);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export const fakeEvent = <Details extends object>(details: Details): FakeEvent & Details =>
  new FakeEvent(details) as FakeEvent & Details;

export class FakeWebFrame {
  constructor(
    public url: string,
    public readonly parent: FakeWebFrame | null = null,
  ) {}
  get top(): FakeWebFrame {
    return this.parent ? this.parent.top : this;
  }
  /** A child frame (an iframe inside this one). */
  child(url: string): FakeWebFrame {
    return new FakeWebFrame(url, this);
  }
}

export interface WindowOpenDetails {
  url: string;
  frameName?: string;
  features?: string;
  disposition?: string;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeWebFrame('about:blank');
  windowOpenHandler: ((details: WindowOpenDetails) => { action: string }) | null = null;
  loadedUrl: string | null = null;
  /** What main pushed to the page with send(channel, …args). */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** What the page asking `window.open(url)` would get. */
  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler was set');
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'foreground-tab' });
  }
  /** Emits a navigation event the way Electron does and tells whether a listener prevented it. */
  navigate(eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit(eventName, event, url, false, true, 0, 0);
    return event.defaultPrevented;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.mainFrame.url = url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  minimized = false;
  restored = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    electron.windows.push(this);
    // Electron announces every new web contents; the security guards hang on this event.
    electron.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...electron.windows];
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.restored = true;
  }
}

/** Electron's main-process ClipboardItem: the entries of one item, keyed by MIME type or raw OS format. */
export class FakeClipboardItem {
  readonly types: string[];
  constructor(readonly items: Record<string, unknown>) {
    this.types = Object.keys(items);
  }
  async getType(type: string): Promise<unknown> {
    if (!(type in this.items)) throw new Error(`'${type}' is not in this ClipboardItem`);
    return this.items[type];
  }
}

/**
 * The system clipboard: one call to `write` is one atomic commit, recorded as it arrived, so a test can
 * check that the text and its concealed marker went together. Like Electron, `write` takes an array of
 * ClipboardItem instances and nothing else.
 */
class FakeClipboard {
  text = '';
  /** Every `write` call, in order: the items of that one commit. */
  readonly writes: FakeClipboardItem[][] = [];
  clears = 0;

  async write(data: unknown): Promise<void> {
    if (!Array.isArray(data) || !data.every((item) => item instanceof FakeClipboardItem)) {
      throw new TypeError('clipboard.write expects an array of ClipboardItem');
    }
    electron.calls.push('clipboard.write');
    this.writes.push(data);
    const text = data.map((item) => item.items['text/plain']).find((value) => typeof value === 'string');
    this.text = text ?? '';
  }
  async writeText(text: string): Promise<void> {
    electron.calls.push('clipboard.writeText');
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  clear(): void {
    electron.calls.push('clipboard.clear');
    this.clears += 1;
    this.text = '';
  }
}

/** powerMonitor: an EventEmitter the test emits 'lock-screen' / 'suspend' on, and an idle time it sets. */
class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

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

class FakeApp extends EventEmitter {
  gotLock = true;
  isPackaged = false;
  readonly paths = new Map<string, string>([
    ['userData', '/fake/userData'],
    ['documents', '/fake/Documents'],
  ]);
  sandboxEnabled = false;
  quitCalls = 0;
  exitCodes: number[] = [];
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    electron.calls.push('app.requestSingleInstanceLock');
    return this.gotLock;
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`no fake path for ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return '0.0.0-stub';
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** What Electron does once it is initialised. */
  becomeReady(): void {
    electron.calls.push('ready');
    this.emit('ready');
    this.resolveReady();
  }
}

function createElectron() {
  const state = {
    calls: [] as string[],
    windows: [] as FakeBrowserWindow[],
    app: new FakeApp(),
    clipboard: new FakeClipboard(),
    powerMonitor: new FakePowerMonitor(),
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
      state.app = new FakeApp();
      state.clipboard = new FakeClipboard();
      state.powerMonitor.removeAllListeners();
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
