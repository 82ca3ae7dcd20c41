import { createHash, randomUUID } from 'node:crypto';
import type { ClipboardOutcome } from '../../../shared/domain/vault';
import { CoreError } from '../errors';
import type { ClipboardPort, Timers } from '../platform/ports';

const fingerprint = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/** A copy main made: its id (for the `clipboard:released` event) and when it will be cleared. */
export interface TrackedCopy {
  copyId: string;
  clearsAfterSeconds: number;
}

/** Told when Keyhaven lets go of a copy, and how: so the page's notice says what really happened. */
export type CopyReleased = (copyId: string, outcome: ClipboardOutcome) => void;

/**
 * Copies secrets from main and takes them off the clipboard again: after a delay, and on quit, but
 * only if the clipboard still holds what Keyhaven put there (the user may have copied something else
 * since). It remembers a SHA-256 of the copied text, never the text itself.
 */
export class ClipboardGuard {
  private copied: { id: string; fingerprint: string } | null = null;
  private timer: unknown = null;

  constructor(
    private readonly port: ClipboardPort | null,
    private readonly timers: Timers,
    private readonly released: CopyReleased = () => undefined,
  ) {}

  /** Copies `text` and schedules its removal; returns the delay, for the "clears in 30 s" notice. */
  async copy(text: string, clearAfterSeconds: number): Promise<TrackedCopy> {
    if (!this.port) {
      throw new CoreError(
        'UNAVAILABLE',
        'Copying is not available in this window. Use Show and copy the key yourself.',
      );
    }
    await this.port.writeSecret(text);
    // The earlier copy is gone from the clipboard: its notice must not count down to a clear.
    if (this.copied) this.released(this.copied.id, 'replaced');
    const copyId = randomUUID();
    this.copied = { id: copyId, fingerprint: fingerprint(text) };
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => void this.clearIfUnchanged().catch(() => false),
      clearAfterSeconds * 1000,
    );
    return { copyId, clearsAfterSeconds: clearAfterSeconds };
  }

  /** Clears the clipboard if it still holds our copy. Called by the timer and on quit. */
  async clearIfUnchanged(): Promise<boolean> {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const ours = this.copied;
    this.copied = null;
    if (!this.port || ours === null) return false;
    if (fingerprint(await this.port.readText()) !== ours.fingerprint) {
      this.released(ours.id, 'changed');
      return false;
    }
    this.port.clear();
    this.released(ours.id, 'cleared');
    return true;
  }
}
