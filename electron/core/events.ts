import type { EventPayload } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/events';

type Listener<E extends AppEvent> = (payload: EventPayload<E>) => void;

/**
 * What the core tells whoever shows it (main's window, the harness's page, tests): the events of
 * shared/ipc/events.ts, typed by their payload. A listener that throws does not stop the others.
 */
export class CoreEvents {
  private readonly listeners = new Map<AppEvent, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  on<E extends AppEvent>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<E extends AppEvent>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
