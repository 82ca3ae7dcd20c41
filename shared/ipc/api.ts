import type { Channel, ChannelDomain, ChannelMethod } from './channels';
import type { EventPayload, RequestOf, ResponseOf } from './contract';
import type { AppEvent, SubscriptionName } from './events';
import type { Result } from './errors';

// A channel whose request has no required field takes an optional argument: `keyhaven.apps.list()`.
type MethodOf<C extends Channel> =
  Record<string, never> extends RequestOf<C>
    ? (input?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (input: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

type ChannelsOfDomain<D extends string> = Extract<Channel, `${D}:${string}`>;

/**
 * The shape of `window.keyhaven`, derived from the contract: `apps:create` becomes
 * `keyhaven.apps.create(input)`. The preload, the browser harness and the renderer's tests all build
 * an object of exactly this type.
 */
export type KeyhavenApi = {
  [D in ChannelDomain<Channel>]: {
    [C in ChannelsOfDomain<D> as ChannelMethod<C>]: MethodOf<C>;
  };
} & {
  /** One subscription per event (`events.onVaultsLocked(listener)`); each returns its unsubscribe. */
  events: {
    [E in AppEvent as SubscriptionName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
  };
};
