import type { Channel } from '../../../shared/ipc/channels';
import type { ResponseOf, ValidRequestOf } from '../../../shared/ipc/contract';
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
    'apps:update': (input) => core.apps.update(input),
    'apps:addScope': (input) => core.scopes.add(input),
    'apps:updateScope': (input) => core.scopes.rename(input),
    'apps:removeScope': ({ appId, scopeId }) => core.scopes.remove(appId, scopeId),
    'keys:list': ({ appId }) => core.keys.list(appId),
    'keys:generate': ({ noScopes: _noScopes, ...input }) => core.keys.generate(input),
    'keys:rotate': ({ id, grace }) => core.lifecycle.rotate(id, grace),
    'keys:revoke': ({ id }) => core.lifecycle.revoke(id),
    'keys:recordViewed': ({ id, action }) => core.keys.recordViewed(id, action),
    'keys:verify': ({ headerValue, scheme, requiredScope }) => core.keys.verify(headerValue, scheme, requiredScope),
    'activity:list': (query) => core.activity.list(query),
    'activity:checkChain': () => core.activity.check(),
  };
}
