import type { ClipboardPort, Platform, PowerEvent, PowerPort, Timers } from '../../electron/core/platform/ports';

/**
 * A desktop for tests: a clipboard in memory, power events and idle time the test sets, and timers
 * the test fires (`runTimers`), so clipboard clearing and auto-lock are checked without waiting.
 */
export class MemoryPlatform implements Platform {
  text = '';
  /** Every text written, in order: what Copy put on the clipboard. */
  readonly writes: string[] = [];
  idle = 0;
  private readonly listeners = new Map<PowerEvent, Set<() => void>>();
  private nextHandle = 1;
  private readonly pending = new Map<number, { callback: () => void; interval: boolean }>();

  readonly clipboard: ClipboardPort = {
    writeSecret: async (text) => {
      this.text = text;
      this.writes.push(text);
    },
    readText: async () => this.text,
    clear: () => {
      this.text = '';
    },
  };

  readonly power: PowerPort = {
    on: (event, listener) => {
      const set = this.listeners.get(event) ?? new Set();
      this.listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    idleSeconds: () => this.idle,
  };

  readonly timers: Timers = {
    setTimeout: (callback) => this.schedule(callback, false),
    setInterval: (callback) => this.schedule(callback, true),
    clearTimeout: (handle) => this.pending.delete(handle as number),
    clearInterval: (handle) => this.pending.delete(handle as number),
  };

  emit(event: PowerEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }

  /** Fires every pending timer once (timeouts are then gone; intervals stay). */
  async runTimers(): Promise<void> {
    for (const [handle, timer] of [...this.pending]) {
      if (!timer.interval) this.pending.delete(handle);
      timer.callback();
    }
    await new Promise((resolve) => setImmediate(resolve)); // let async clears finish
  }

  pendingTimers(): number {
    return this.pending.size;
  }

  private schedule(callback: () => void, interval: boolean): number {
    const handle = this.nextHandle++;
    this.pending.set(handle, { callback, interval });
    return handle;
  }
}
