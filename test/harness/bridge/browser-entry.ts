import { buildApi } from '../../../shared/ipc/build-api';
import type { Channel } from '../../../shared/ipc/channels';
import type { ErrorCode, Result } from '../../../shared/ipc/errors';
import type { AppEvent } from '../../../shared/ipc/events';

/**
 * Runs in the page, before the app's module script: the harness's stand-in for the preload. It builds
 * `window.keyhaven` with the same `buildApi` the preload uses (one method per channel, no generic
 * invoke), carried over loopback HTTP instead of Electron IPC. Bundled by esbuild when the harness starts.
 *
 * This file is compiled with the Node tsconfig (test/harness is Node code), so the few browser globals
 * it needs are typed here rather than pulling the DOM lib into every Node file.
 */
interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

interface BrowserGlobals {
  EventSource: new (url: string) => EventSourceLike;
  location: { href: string };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  history: { state: unknown; replaceState(state: unknown, unused: string, url: string): void };
}

const browser = globalThis as unknown as BrowserGlobals;
const TOKEN_KEY = 'keyhaven-harness-token';

/**
 * The token arrives once in the URL the harness printed. It is kept in sessionStorage (so a reload
 * still works) and taken out of the address bar at once, so it is not left in history or screenshots.
 */
function takeToken(): string {
  const url = new URL(browser.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    browser.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    browser.history.replaceState(browser.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return browser.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = takeToken();

const failure = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

async function transport(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-keyhaven-token': token },
      body: JSON.stringify(input),
      credentials: 'omit',
    });
  } catch {
    return failure('INTERNAL', 'The Keyhaven harness is not reachable. Is it still running?');
  }
  if (response.status === 403) {
    return failure('FORBIDDEN_SENDER', 'The harness refused this page. Open the URL it printed when it started.');
  }
  try {
    // Every answer the harness gives to a well-formed request is a Result, whatever its status.
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure('INTERNAL', `The Keyhaven harness answered ${response.status} without a result.`);
  }
}

/** One server-sent-events stream for every subscription, opened on the first (see event-stream.ts). */
const listeners = new Map<AppEvent, Set<(payload: unknown) => void>>();
let stream: EventSourceLike | null = null;

function openStream(): EventSourceLike {
  const source = new browser.EventSource(`/events?token=${encodeURIComponent(token)}`);
  // The harness is stopping (CLOSING_EVENT in test/harness/event-stream.ts): no reconnecting to it.
  source.addEventListener('harness:closing', () => source.close());
  return source;
}

function subscribe(event: AppEvent, listener: (payload: unknown) => void): () => void {
  stream ??= openStream();
  let set = listeners.get(event);
  if (!set) {
    const created = new Set<(payload: unknown) => void>();
    listeners.set(event, (set = created));
    stream.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse(message.data);
      for (const each of created) each(payload);
    });
  }
  set.add(listener);
  return () => void set.delete(listener);
}

Object.defineProperty(globalThis, 'keyhaven', {
  value: buildApi(transport, subscribe),
  enumerable: true,
  writable: false,
  configurable: false,
});
