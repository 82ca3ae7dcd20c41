import { rename, writeFile } from 'node:fs/promises';
import type { KeysetEvent } from '../../../shared/verify/verifier';

/**
 * Test helpers for reloading: keyset events as a queue a test awaits (never a sleep), and publishing
 * a keyset file the way Keyhaven does (a temporary file renamed over the old one).
 */
export interface EventQueue {
  /** Pass as `onKeysetEvent`. */
  push: (event: KeysetEvent) => void;
  /** The next event, already received or still to come. */
  next: () => Promise<KeysetEvent>;
  /** Events received and not yet taken with next(). */
  pending: () => KeysetEvent[];
}

export function eventQueue(): EventQueue {
  const received: KeysetEvent[] = [];
  const waiting: ((event: KeysetEvent) => void)[] = [];
  return {
    push: (event) => {
      const waiter = waiting.shift();
      if (waiter) waiter(event);
      else received.push(event);
    },
    next: () => {
      const event = received.shift();
      return event ? Promise.resolve(event) : new Promise((resolve) => waiting.push(resolve));
    },
    pending: () => [...received],
  };
}

let published = 0;

/** Writes `content` beside `file` and renames it over `file`: readers see the old file or the new one. */
export async function publishAtomically(file: string, content: unknown): Promise<void> {
  published += 1;
  const temporary = `${file}.${published}.tmp`;
  await writeFile(temporary, typeof content === 'string' ? content : JSON.stringify(content));
  await rename(temporary, file);
}

/** A promise and the function that resolves it, for a test to await a callback. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
