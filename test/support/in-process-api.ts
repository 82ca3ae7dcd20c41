import { dispatch } from '../../electron/core/api/dispatch';
import type { Handlers } from '../../electron/core/api/handlers';
import type { CoreEvents } from '../../electron/core/events';
import { buildApi } from '../../shared/ipc/build-api';
import type { KeyhavenApi } from '../../shared/ipc/api';

/**
 * `window.keyhaven` backed by the real core in this process, through the same validation and error
 * mapping as IPC. Values are structured-cloned both ways, as Electron's IPC does, so a test cannot
 * pass by sharing an object with the core. Events come from `events` (the core's), cloned the same way.
 */
export function createInProcessApi(
  handlers: Handlers,
  logError: (line: string) => void = () => {},
  events?: CoreEvents,
): KeyhavenApi {
  return buildApi(
    async (channel, input) => structuredClone(await dispatch(handlers, channel, structuredClone(input), logError)),
    (event, listener) => events?.on(event, (payload) => listener(structuredClone(payload))) ?? (() => undefined),
  );
}
