/**
 * Every event main pushes to the page, by name (`domain:pastTense`): the events' counterpart of
 * CHANNELS, dependency-free for the same reason (the sandboxed preload bundles it). Payload schemas
 * live in contract.ts (`eventContract`), which the compiler forces to cover exactly this list.
 */
export const EVENTS = [
  /** Vaults were locked without the page asking: idle, screen lock, sleep (payload: why). */
  'vaults:locked',
  /** Another process (the command line, a second window) changed data in the folder (payload: which parts). */
  'data:changed',
  /** Keyhaven let go of a copy: cleared it, found something else there, or copied again (payload: which, how). */
  'clipboard:released',
  /** This process counted verifications (at most once a second): Activity re-reads this hour's so far. */
  'activity:counted',
] as const;

export type AppEvent = (typeof EVENTS)[number];

/** `vaults:locked` → `onVaultsLocked`: the method `window.keyhaven.events` exposes for it. */
export type SubscriptionName<E extends AppEvent> = E extends `${infer D}:${infer V}`
  ? `on${Capitalize<D>}${Capitalize<V>}`
  : never;

export function subscriptionName<E extends AppEvent>(event: E): SubscriptionName<E> {
  const [domain = '', verb = ''] = event.split(':');
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return `on${cap(domain)}${cap(verb)}` as SubscriptionName<E>;
}
