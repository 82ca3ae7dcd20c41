// The stub's webContents and its frames: navigation, window.open, and what main sent to the page.
import { EventEmitter } from 'node:events';
import { fakeEvent } from './events';

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
