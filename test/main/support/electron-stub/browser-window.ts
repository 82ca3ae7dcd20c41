// The stub's BrowserWindow: what main did with each window it created.
import { EventEmitter } from 'node:events';
import { FakeWebContents } from './web-contents';

/**
 * How windows reach the stub's state, set by state.ts: a new window is recorded in `electron.windows`
 * and announced on the app (this module cannot import the state: the state holds the windows).
 */
export const windowHooks = {
  opened(_window: FakeBrowserWindow): void {},
  all(): FakeBrowserWindow[] {
    return [];
  },
};

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  minimized = false;
  restored = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    windowHooks.opened(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return windowHooks.all();
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
