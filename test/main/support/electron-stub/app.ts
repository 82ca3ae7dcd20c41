// The stub's app: the single instance lock, paths, ready, quit and exit.
import { EventEmitter } from 'node:events';

/** Electron's `app`; `record` logs a call in `electron.calls`. */
export class FakeApp extends EventEmitter {
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

  constructor(private readonly record: (call: string) => void) {
    super();
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    this.record('app.requestSingleInstanceLock');
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
    this.record('ready');
    this.emit('ready');
    this.resolveReady();
  }
}
