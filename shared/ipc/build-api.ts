import { CHANNELS, splitChannel, type Channel } from './channels';
import type { KeyhavenApi } from './api';
import type { Result } from './errors';
import { EVENTS, subscriptionName, type AppEvent } from './events';

/** How one transport carries a request: Electron IPC in the preload, HTTP in the harness, a call in tests. */
export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

/** How one transport delivers an event to a listener; returns the unsubscribe. */
export type Subscribe = (event: AppEvent, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.keyhaven` from the channel list: exactly one method per channel, named after it, and
 * one subscription per event under `events`. The transport stays private to whoever builds the object,
 * so the page never holds a generic invoke or `on(channel)`. Dependency-free: the preload bundles it.
 */
export function buildApi(transport: Transport, subscribe: Subscribe): KeyhavenApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = splitChannel(channel);
    const methods = (api[domain] ??= {});
    methods[method] = (input?: unknown) => transport(channel, input ?? {});
  }
  const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const event of EVENTS) {
    events[subscriptionName(event)] = (listener) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriptionName(event)} takes a function.`);
      return subscribe(event, listener);
    };
  }
  (api as Record<string, unknown>).events = events;
  for (const methods of Object.values(api)) Object.freeze(methods);
  return Object.freeze(api) as unknown as KeyhavenApi;
}
