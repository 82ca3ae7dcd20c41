import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreEvents } from '../../electron/core/events';
import { EVENTS } from '../../shared/ipc/events';

/** `GET /events?token=…`: the harness's stand-in for main's webContents.send, as server-sent events. */
export const EVENTS_PATH = '/events';

/**
 * Sent before the harness closes its streams: the bridge closes its EventSource on it, so a harness
 * that stops (a restart in a test) is not taken by the page for a dropped stream to reconnect to.
 */
export const CLOSING_EVENT = 'harness:closing';

/** The streams open now, so close() can end each one cleanly instead of cutting it mid-response. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  add(response: ServerResponse): () => void {
    this.open.add(response);
    return () => void this.open.delete(response);
  }

  endAll(): void {
    for (const response of this.open) response.end(`event: ${CLOSING_EVENT}\ndata: {}\n\n`);
    this.open.clear();
  }
}

/**
 * Streams every event of shared/ipc/events.ts to one page until it goes away. EventSource cannot send
 * headers, so the page's token comes in the query (the harness logs paths without it). A comment line
 * opens the stream at once; the harness logs that, so a test can wait for the page to be listening.
 */
export function streamEvents(
  request: IncomingMessage,
  response: ServerResponse,
  events: CoreEvents,
  csp: string,
  log: (line: string) => void,
  streams: EventStreams,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    connection: 'keep-alive',
  });
  response.write(': listening\n\n');
  log('events stream opened');
  const unsubscribe = EVENTS.map((event) =>
    events.on(event, (payload) => response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  const forget = streams.add(response);
  request.on('close', () => {
    forget();
    for (const off of unsubscribe) off();
  });
}
