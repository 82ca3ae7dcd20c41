import type { KeyhavenApi } from '../../../shared/ipc/api';
import { CHANNELS, splitChannel } from '../../../shared/ipc/channels';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { ApiError, ErrorCode, Result } from '../../../shared/ipc/errors';
import { subscriptionName, type AppEvent } from '../../../shared/ipc/events';

/**
 * The only module that touches `window.keyhaven`. Components and stores use `client`, whose methods
 * mirror the bridge but resolve to the value or an `ApiFailure` and never reject.
 */

/** A failed call, as a value: `instanceof ApiFailure` tells it apart from any response. */
export class ApiFailure implements ApiError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    /** The form field to show the message under, when main names one (see ApiError). */
    readonly field?: string,
  ) {}
}

export const BRIDGE_MISSING_MESSAGE =
  "Keyhaven's bridge is missing: this window cannot reach Keyhaven's background process.";

const TRANSPORT_FAILED_MESSAGE =
  'Keyhaven could not reach its background process. Try again; if it keeps failing, restart Keyhaven.';

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && window.keyhaven != null;
}

/** Turns a Result into its value or an ApiFailure, for components that branch with `instanceof`. */
export function settle<T>(result: Result<T>): T | ApiFailure {
  return result.ok ? result.value : new ApiFailure(result.error.code, result.error.message, result.error.field);
}

export const isFailure = (value: unknown): value is ApiFailure => value instanceof ApiFailure;

type Settled<F> = F extends (...args: infer A) => Promise<Result<infer R>>
  ? (...args: A) => Promise<R | ApiFailure>
  : never;

export type KeyhavenClient = {
  [D in Exclude<keyof KeyhavenApi, 'events'>]: { [M in keyof KeyhavenApi[D]]: Settled<KeyhavenApi[D][M]> };
};

type AnyMethod = (...args: unknown[]) => Promise<Result<unknown>>;

function call(domain: string, method: string, args: unknown[]): Promise<unknown> {
  const bridge = window.keyhaven as unknown as Record<string, Record<string, AnyMethod>> | undefined;
  const fn = bridge?.[domain]?.[method];
  if (!fn) return Promise.resolve(new ApiFailure('INTERNAL', BRIDGE_MISSING_MESSAGE));
  return fn(...args).then(settle, () => new ApiFailure('INTERNAL', TRANSPORT_FAILED_MESSAGE));
}

function buildClient(): KeyhavenClient {
  const client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = splitChannel(channel);
    // The bridge is looked up on every call, so a test (or the harness) can install it at any time.
    (client[domain] ??= {})[method] = (...args) => call(domain, method, args);
  }
  return client as unknown as KeyhavenClient;
}

export const client: KeyhavenClient = buildClient();

/**
 * Listens to one event main pushes (shared/ipc/events.ts) until the returned function is called.
 * Without a bridge there is nothing to hear: the returned function does nothing.
 */
export function subscribe<E extends AppEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const subscribeTo = window.keyhaven?.events?.[subscriptionName(event)] as
    ((listener: (payload: EventPayload<E>) => void) => () => void) | undefined;
  return subscribeTo ? subscribeTo(listener) : () => undefined;
}
