import { CoreError } from '../errors';

/**
 * The console requests in flight, by the id the renderer gave them, so `console:cancel` can abort one
 * while `console:sendRequest` is still waiting for it. An id is free again as soon as its request settles.
 */
export class ConsoleRequests {
  private readonly running = new Map<string, AbortController>();

  /** Runs `send` with a signal that cancel(requestId) aborts. CONFLICT when the id is already running. */
  async run<T>(requestId: string, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(requestId)) throw new CoreError('CONFLICT', 'A request with this id is already running.');
    const controller = new AbortController();
    this.running.set(requestId, controller);
    try {
      return await send(controller.signal);
    } finally {
      if (this.running.get(requestId) === controller) this.running.delete(requestId);
    }
  }

  /** True when a running request was aborted; false when it had already finished (or never existed). */
  cancel(requestId: string): boolean {
    const controller = this.running.get(requestId);
    if (!controller) return false;
    this.running.delete(requestId);
    controller.abort();
    return true;
  }

  /** On quit or when the window goes away. */
  cancelAll(): number {
    const count = this.running.size;
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    return count;
  }

  get size(): number {
    return this.running.size;
  }
}
