/**
 * What Keyhaven needs from the desktop, as ports the core can use without importing Electron. Main
 * implements them with Electron's `clipboard` and `powerMonitor`; the browser harness with an
 * in-process clipboard; tests with stubs they drive.
 */
export interface ClipboardPort {
  /** Puts text on the clipboard, marked as concealed for clipboard managers where the OS supports it. */
  writeSecret(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

export type PowerEvent = 'lock-screen' | 'suspend';

export interface PowerPort {
  /** Subscribes to the OS screen lock and sleep; returns an unsubscribe. */
  on(event: PowerEvent, listener: () => void): () => void;
  /** Seconds since the user last touched keyboard or mouse, system-wide. */
  idleSeconds(): number;
}

/** Timers, so tests can drive auto-lock and clipboard clearing without waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** How the user proves they are at the computer before a vault opens without a passphrase. */
export interface PresencePort {
  /** 'touch-id' on a Mac that can prompt for it; 'none' where the platform offers nothing. */
  readonly kind: 'touch-id' | 'none';
  /** True once confirmed; false when the user cancelled or the check failed. `reason` completes "Keyhaven wants to …". */
  confirm(reason: string): Promise<boolean>;
}

export interface Platform {
  clipboard: ClipboardPort;
  power: PowerPort;
  /** Absent: nothing to prove presence with, so Unlock without a passphrase stays one click. */
  presence?: PresencePort;
  timers?: Timers;
}
