/**
 * A limit on failed authentications per subject (test-api-server.ts uses two: the connection, and the
 * presented key's public id): a subject that failed `maxFailures` times within a fixed window of
 * `windowMs`, counted from its first failure, is blocked until the window ends. Successes do not count.
 */
export interface FailureLimits {
  maxFailures: number;
  windowMs: number;
}

/** 20 failed authentications per minute and subject. */
export const DEFAULT_FAILURE_LIMITS: FailureLimits = { maxFailures: 20, windowMs: 60_000 };

/** Windows kept at most; expired ones are dropped first, then the oldest. */
const MAX_CLIENTS = 10_000;

interface Window {
  startMs: number;
  failures: number;
}

export class FailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: FailureLimits,
    private readonly nowMs: () => number,
  ) {}

  /** Whole seconds until `client` may try again (at least 1), or 0 when it is not blocked. */
  retryAfterSeconds(client: string): number {
    const now = this.nowMs();
    const window = this.current(client, now);
    if (!window || window.failures < this.limits.maxFailures) return 0;
    return Math.max(1, Math.ceil((window.startMs + this.limits.windowMs - now) / 1000));
  }

  recordFailure(client: string): void {
    const now = this.nowMs();
    const window = this.current(client, now);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_CLIENTS) this.prune(now);
    this.windows.set(client, { startMs: now, failures: 1 });
  }

  private current(client: string, now: number): Window | undefined {
    const window = this.windows.get(client);
    if (window && now - window.startMs >= this.limits.windowMs) {
      this.windows.delete(client);
      return undefined;
    }
    return window;
  }

  private prune(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.startMs >= this.limits.windowMs) this.windows.delete(client);
    }
    // Still full: the oldest windows (insertion order) go.
    for (const client of this.windows.keys()) {
      if (this.windows.size < MAX_CLIENTS) break;
      this.windows.delete(client);
    }
  }
}
