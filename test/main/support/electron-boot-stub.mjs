// A recording 'electron' for the boot smoke test: the built out/main/index.js runs against it in a
// plain Node child process. It plays Electron's part (emits ready, web-contents-created, ready-to-show,
// window-all-closed, the quit sequence), drives a short scenario once the window loads its page, and
// prints everything it saw as one JSON line when the process exits.
import { EventEmitter } from 'node:events';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const REPORT_PREFIX = 'KEYHAVEN_BOOT_REPORT ';

const report = {
  calls: [],
  ipcChannels: [],
  windows: [],
  errorBoxes: [],
  openedExternally: [],
  permissionHandlers: [],
  scenario: {},
  willQuitPrevented: [],
  clipboardWrites: [],
  clipboardClears: 0,
  clipboardAtExit: null,
  exitCode: null,
};
const record = (call) => report.calls.push(call);
const handlers = new Map();

class StubEvent {
  defaultPrevented = false;
  constructor(details = {}) {
    Object.assign(this, details);
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

class StubApp extends EventEmitter {
  isPackaged = false;
  #paths = new Map([
    ['userData', '/nonexistent/userData'],
    ['documents', '/nonexistent/Documents'],
  ]);
  #ready = false;
  #readyWaiters = [];
  #quitting = false;

  enableSandbox() {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  getPath(name) {
    return this.#paths.get(name);
  }
  setPath(name, path) {
    record(`app.setPath ${name} ${path}`);
    this.#paths.set(name, path);
  }
  getVersion() {
    return '0.0.0-boot';
  }
  whenReady() {
    return this.#ready ? Promise.resolve() : new Promise((resolve) => this.#readyWaiters.push(resolve));
  }
  becomeReady() {
    record('ready');
    this.#ready = true;
    this.emit('ready');
    for (const resolve of this.#readyWaiters.splice(0)) resolve();
  }
  quit() {
    record('app.quit');
    if (this.#quitting) return;
    this.#quitting = true;
    // As Electron: before-quit, then will-quit; a listener may hold the quit and call quit() again.
    setImmediate(() => {
      this.#quitting = false;
      const before = new StubEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      const willQuit = new StubEvent();
      this.emit('will-quit', willQuit);
      report.willQuitPrevented.push(willQuit.defaultPrevented);
      if (willQuit.defaultPrevented) return;
      this.emit('quit');
      process.exit(0);
    });
  }
  exit(code = 0) {
    record(`app.exit ${code}`);
    process.exit(code);
  }
}

export const app = new StubApp();

class StubWebContents extends EventEmitter {
  mainFrame = { url: 'about:blank', parent: null };
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  webContents = new StubWebContents();
  constructor(options) {
    super();
    record('new BrowserWindow');
    report.windows.push({ options, loadedFile: null, loadedUrl: null, shown: false });
    this.entry = report.windows.at(-1);
    app.emit('web-contents-created', new StubEvent(), this.webContents);
  }
  async loadURL(url) {
    this.entry.loadedUrl = url;
    throw new Error('the boot smoke test expects the built page, not a dev server');
  }
  async loadFile(file) {
    record('loadFile');
    this.entry.loadedFile = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    setImmediate(() => runScenario(this).catch((error) => fail(error)));
  }
  show() {
    this.entry.shown = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    report.ipcChannels.push(channel);
    handlers.set(channel, handler);
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
};

export const dialog = {
  showErrorBox(title, content) {
    report.errorBoxes.push({ title, content });
  },
};

export const shell = {
  async openExternal(url) {
    report.openedExternally.push(url);
  },
};

export const session = {
  defaultSession: {
    on(event) {
      record(`session.on ${event}`);
      return this;
    },
    setPermissionRequestHandler(handler) {
      report.permissionHandlers.push('request');
      this.request = handler;
    },
    setPermissionCheckHandler(handler) {
      report.permissionHandlers.push('check');
      this.check = handler;
    },
  },
};

/** Electron's main-process ClipboardItem: one item's entries, keyed by MIME type or raw OS format. */
export class ClipboardItem {
  constructor(items) {
    this.items = items;
    this.types = Object.keys(items);
  }
}

// The system clipboard. The report keeps each write's formats and the length of its text, never the
// text: the scenario copies a (test) secret, and the report is printed to stdout.
let clipboardText = '';
export const clipboard = {
  async write(data) {
    if (!Array.isArray(data) || !data.every((item) => item instanceof ClipboardItem)) {
      throw new TypeError('clipboard.write expects an array of ClipboardItem');
    }
    report.clipboardWrites.push(data.map((item) => ({ types: item.types })));
    clipboardText = data.map((item) => item.items['text/plain']).find((text) => typeof text === 'string') ?? '';
  },
  async readText() {
    return clipboardText;
  },
  clear() {
    report.clipboardClears += 1;
    clipboardText = '';
  },
};

class StubPowerMonitor extends EventEmitter {
  getSystemIdleTime() {
    return 0;
  }
}
export const powerMonitor = new StubPowerMonitor();

// The preload side, so that the stub is a complete 'electron' even if something imports it there.
/** Desktop notifications: recorded, never shown (the boot test has no desktop). */
export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {}
}

export const contextBridge = { exposeInMainWorld: () => fail(new Error('main must not call contextBridge')) };
export const ipcRenderer = { invoke: () => fail(new Error('main must not call ipcRenderer')) };

export default {
  app,
  BrowserWindow,
  ipcMain,
  dialog,
  shell,
  session,
  Notification,
  clipboard,
  ClipboardItem,
  powerMonitor,
  contextBridge,
  ipcRenderer,
};

const BOOT_SECRET = 'boot-smoke-secret-7Hq2';

/** What the renderer and the user would do, then close the window as a user would. */
async function runScenario(window) {
  const contents = window.webContents;
  window.emit('ready-to-show');
  const fromPage = { sender: contents, senderFrame: contents.mainFrame };
  const s = report.scenario;
  s.create = await handlers.get('apps:create')?.(fromPage, { name: 'Boot smoke' });
  s.list = await handlers.get('apps:list')?.(fromPage, {});
  const foreignFrame = { url: 'https://evil.example/', parent: null };
  s.foreign = await handlers.get('apps:list')?.({ sender: contents, senderFrame: foreignFrame }, {});
  const navigation = new StubEvent({ url: 'https://evil.example/' });
  contents.emit('will-navigate', navigation);
  s.navigationPrevented = navigation.defaultPrevented;
  s.openFile = contents.windowOpenHandler?.({ url: 'file:///etc/passwd' });
  s.openHttps = contents.windowOpenHandler?.({ url: 'https://example.com/docs' });
  let granted = null;
  session.defaultSession.request?.(contents, 'media', (answer) => (granted = answer), {
    requestingUrl: contents.mainFrame.url,
    isMainFrame: true,
  });
  s.mediaGranted = granted;
  // Vaults: the default vault of a first run, Copy as header in main, locking on the OS screen lock.
  const call = (channel, input = {}) => handlers.get(channel)?.(fromPage, input);
  s.vaults = await call('vaults:list');
  const vaultId = s.vaults?.value?.[0]?.id;
  const added = await call('entries:add', { vaultId, name: 'Boot entry', preset: 'pyas', secret: BOOT_SECRET });
  s.added = { ok: added?.ok, scheme: added?.value?.scheme };
  s.copy = await call('entries:copy', { entryId: added?.value?.id, format: 'header' });
  s.copiedText = clipboardText === `x-api-key: ${BOOT_SECRET}` ? 'x-api-key header' : 'something else';
  powerMonitor.emit('lock-screen');
  s.afterScreenLock = await call('vaults:list');
  s.revealAfterLock = await call('entries:reveal', { entryId: added?.value?.id });
  window.emit('closed');
  app.emit('window-all-closed');
}

function fail(error) {
  report.failure = String(error?.stack ?? error);
  process.exit(70);
}

process.on('exit', (code) => {
  report.exitCode = code;
  report.clipboardAtExit = clipboardText === '' ? 'empty' : 'not empty';
  writeSync(1, `\n${REPORT_PREFIX}${JSON.stringify(report)}\n`);
});

// Electron becomes ready after the main script's first turn has run.
setImmediate(() => app.becomeReady());
