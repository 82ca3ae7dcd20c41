import type { WebContents } from 'electron';
import type { CoreEvents } from '../../core/events';
import { eventContract } from '../../../shared/ipc/contract';
import { EVENTS } from '../../../shared/ipc/events';

export interface EventForwarderOptions {
  events: CoreEvents;
  /** The window's contents, or null while there is none. */
  mainContents: () => Pick<WebContents, 'send' | 'isDestroyed' | 'mainFrame'> | null;
  isAppUrl: (url: string) => boolean;
  log: (line: string) => void;
}

/**
 * The one place main pushes to the page: each core event (shared/ipc/events.ts), its payload checked
 * against the contract, to Keyhaven's own window only — never to a page that navigated elsewhere.
 * The preload turns them into `window.keyhaven.events.on…` subscriptions. Returns the unsubscribe.
 */
export function forwardEvents({ events, mainContents, isAppUrl, log }: EventForwarderOptions): () => void {
  const unsubscribe = EVENTS.map((event) =>
    events.on(event, (payload) => {
      const checked = eventContract[event].safeParse(payload);
      if (!checked.success) {
        log(`[keyhaven] ${event} not sent: its payload does not match the contract`);
        return;
      }
      const contents = mainContents();
      if (!contents || contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) return;
      contents.send(event, checked.data);
    }),
  );
  return () => {
    for (const off of unsubscribe) off();
  };
}
