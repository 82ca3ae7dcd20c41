import type { Channel } from '../../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../../shared/ipc/contract';
import { listActivity } from '../activity/activity-log';
import type { Core } from '../core';

export type Handler<C extends Channel> = (input: ValidRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * One handler per channel, each a thin call into the core. Input arrives already validated against
 * the contract (see dispatch.ts); the mapped type makes a missing channel a compile error.
 */
export function createHandlers(core: Core): Handlers {
  return {
    'system:status': () => core.status(),
    'apps:list': () => core.apps.list(),
    'apps:get': ({ appId }) => core.apps.get(appId),
    'apps:create': (input) => core.apps.create(input),
    'keys:list': ({ appId }) => core.keys.list(appId),
    'keys:generate': (input) => core.keys.generate(input),
    'activity:list': ({ appId }) => listActivity(core.db.snapshot(), appId),
  };
}
