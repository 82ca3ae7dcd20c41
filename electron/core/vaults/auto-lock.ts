import type { VaultSettings } from '../../../shared/domain/vault';
import type { PowerPort, Timers } from '../platform/ports';

/** How often the system idle time is read: a lock lands at most this late. */
export const IDLE_POLL_MS = 15_000;

/**
 * Locks every vault when the OS screen locks or the machine sleeps (if enabled), and after the
 * configured system idle time. Reads settings on every check, so a change applies at once.
 */
export class AutoLock {
  private readonly unsubscribe: (() => void)[] = [];
  private interval: unknown = null;

  constructor(
    private readonly power: PowerPort,
    private readonly timers: Timers,
    private readonly settings: () => VaultSettings,
    private readonly lockAll: (reason: 'idle' | 'screen-lock' | 'suspend') => void,
  ) {}

  start(): void {
    const onScreenLock = () => {
      if (this.settings().lockOnScreenLock) this.lockAll('screen-lock');
    };
    const onSuspend = () => {
      if (this.settings().lockOnScreenLock) this.lockAll('suspend');
    };
    this.unsubscribe.push(this.power.on('lock-screen', onScreenLock), this.power.on('suspend', onSuspend));
    this.interval = this.timers.setInterval(() => this.checkIdle(), IDLE_POLL_MS);
  }

  /** Idle seconds left before every vault locks; null when idle locking is off. */
  secondsLeft(): number | null {
    const minutes = this.settings().autoLockMinutes;
    return minutes > 0 ? Math.max(0, minutes * 60 - Math.floor(this.power.idleSeconds())) : null;
  }

  checkIdle(): void {
    const minutes = this.settings().autoLockMinutes;
    if (minutes > 0 && this.power.idleSeconds() >= minutes * 60) this.lockAll('idle');
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    if (this.interval !== null) this.timers.clearInterval(this.interval);
    this.interval = null;
  }
}
