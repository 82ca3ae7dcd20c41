import { CHANNELS, splitChannel, type Channel } from './channels';
import type { KeyhavenApi } from './api';
import type { Result } from './errors';

/** How one transport carries a request: Electron IPC in the preload, HTTP in the harness, a call in tests. */
export type Transport = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds `window.keyhaven` from the channel list: exactly one method per channel, named after it. The
 * transport stays private to whoever builds the object, so the page never holds a generic invoke.
 * Dependency-free, because the sandboxed preload bundles it.
 */
export function buildApi(transport: Transport): KeyhavenApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = splitChannel(channel);
    const methods = (api[domain] ??= {});
    methods[method] = (input?: unknown) => transport(channel, input ?? {});
  }
  for (const methods of Object.values(api)) Object.freeze(methods);
  return Object.freeze(api) as unknown as KeyhavenApi;
}
