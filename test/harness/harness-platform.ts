import type { ClipboardPort, Platform, PowerEvent, PowerPort } from '../../electron/core/platform/ports';

/**
 * The desktop as the browser harness can offer it. There is no OS clipboard here (no display on CI),
 * so Copy writes to this process's memory, which an end-to-end test can read back through the
 * token-guarded control route (server.ts) to check exactly what Keyhaven copied. Screen lock and
 * sleep are events a test fires through the same route; idle time is the time since the page last
 * called the core.
 */
export class HarnessPlatform implements Platform {
  private text = '';
  private lastActivity = Date.now();
  private readonly listeners = new Map<PowerEvent, Set<() => void>>();

  readonly clipboard: ClipboardPort = {
    writeSecret: async (text) => {
      this.text = text;
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
    idleSeconds: () => Math.floor((Date.now() - this.lastActivity) / 1000),
  };

  /** The page called the core: the user is active. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  emit(event: PowerEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }

  clipboardText(): string {
    return this.text;
  }
}
