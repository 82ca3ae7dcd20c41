import type { Clock } from '../../electron/core/clock';

/** A clock the test moves by hand, to reach exact instants (expiry, grace ends, hour boundaries). */
export class ManualClock implements Clock {
  private at: number;
  constructor(start: string | Date = '2026-11-23T10:00:00.000Z') {
    this.at = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(to: string | Date): void {
    this.at = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.at += ms;
  }
}
