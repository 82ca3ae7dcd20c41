import type { Timers } from '../platform/ports';
import type { KeysetService } from './keyset-service';

/** Checked hourly: a keyset is signed again at half of its validity (1 day at the least), so an hour is plenty. */
export const REFRESH_CHECK_MS = 60 * 60 * 1000;

/**
 * While the app runs, published keysets are signed again before a service would refuse them as
 * expired (KeysetService.refreshDue), once at start and then every hour. The command line, which
 * runs for one command, does not: the app, or the next change of keys, does it.
 */
export class KeysetRefresher {
  private handle: unknown = null;

  constructor(
    private readonly keysets: Pick<KeysetService, 'refreshDue'>,
    private readonly timers: Timers,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.check();
    this.handle = this.timers.setInterval(() => this.check(), REFRESH_CHECK_MS);
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
  }

  private check(): void {
    this.keysets.refreshDue().catch(this.onError);
  }
}
