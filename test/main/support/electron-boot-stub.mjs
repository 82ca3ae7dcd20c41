// A recording 'electron' for the boot smoke test: the built out/main/index.js runs against it in a
// plain Node child process. It plays Electron's part (emits ready, web-contents-created, ready-to-show,
// window-all-closed, the quit sequence), drives a short scenario once the window loads its page, and
// prints everything it saw as one JSON line when the process exits.
import { EventEmitter } from 'node:events';
import { writeSync } from 'node:fs';
import { runScenario } from './electron-boot-scenario.mjs';

const REPORT_PREFIX = 'KEYHAVEN_BOOT_REPORT ';

const report = {
  calls: [],
  ipcChannels: [],
  windows: [],
  errorBoxes: [],
  privilegedSchemes: [],
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
/** protocol.handle handlers by scheme: the scenario fetches the page through app://. */
const protocolHandlers = new Map();

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
    report.windows.push({ options, loadedUrl: null, shown: false });
    this.entry = report.windows.at(-1);
    app.emit('web-contents-created', new StubEvent(), this.webContents);
  }
  async loadURL(url) {
    record('loadURL');
    this.entry.loadedUrl = url;
    if (!url.startsWith('app://')) throw new Error('the boot smoke test expects the built page, not a dev server');
    this.webContents.mainFrame.url = url;
    const context = {
      ...{ app, handlers, protocolHandlers, powerMonitor, session, report, StubEvent },
      clipboardText: () => clipboardText,
    };
    setImmediate(() => runScenario(this, context).catch((error) => fail(error)));
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

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record(`protocol.registerSchemesAsPrivileged ${schemes.map((entry) => entry.scheme).join(',')}`);
    report.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record(`protocol.handle ${scheme}`);
    protocolHandlers.set(scheme, handler);
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
// The boot runs as Linux, where main must not ask for Touch ID.
export const systemPreferences = {
  canPromptTouchID: () => false,
  promptTouchID: () => fail(new Error('main must not prompt for Touch ID off macOS')),
};

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
  protocol,
  dialog,
  shell,
  session,
  Notification,
  clipboard,
  ClipboardItem,
  powerMonitor,
  systemPreferences,
  contextBridge,
  ipcRenderer,
};

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
