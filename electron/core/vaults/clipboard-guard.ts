import { createHash } from 'node:crypto';
import { CoreError } from '../errors';
import type { ClipboardPort, Timers } from '../platform/ports';

const fingerprint = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * Copies secrets from main and takes them off the clipboard again: after a delay, and on quit, but
 * only if the clipboard still holds what Keyhaven put there (the user may have copied something else
 * since). It remembers a SHA-256 of the copied text, never the text itself.
 */
export class ClipboardGuard {
  private copied: string | null = null;
  private timer: unknown = null;

  constructor(
    private readonly port: ClipboardPort | null,
    private readonly timers: Timers,
  ) {}

  /** Copies `text` and schedules its removal; returns the delay, for the "cleared in 30 s" notice. */
  async copy(text: string, clearAfterSeconds: number): Promise<{ clearsAfterSeconds: number }> {
    if (!this.port) {
      throw new CoreError(
        'UNAVAILABLE',
        'Copying is not available in this window. Use Show and copy the key yourself.',
      );
    }
    await this.port.writeSecret(text);
    this.copied = fingerprint(text);
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => void this.clearIfUnchanged().catch(() => false),
      clearAfterSeconds * 1000,
    );
    return { clearsAfterSeconds: clearAfterSeconds };
  }

  /** Clears the clipboard if it still holds our copy. Called by the timer and on quit. */
  async clearIfUnchanged(): Promise<boolean> {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const ours = this.copied;
    this.copied = null;
    if (!this.port || ours === null) return false;
    if (fingerprint(await this.port.readText()) !== ours) return false;
    this.port.clear();
    return true;
  }
}
