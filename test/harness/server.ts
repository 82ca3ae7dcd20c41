import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../electron/core/api/handlers';
import type { CoreEvents } from '../../electron/core/events';
import { EVENTS_PATH, EventStreams, streamEvents } from './event-stream';
import { BRIDGE_PATH, type PreparedPage } from './page';
import { MAX_BODY_BYTES, readBody, RPC_PREFIX, runRpc, TOKEN_HEADER, tokenMatches } from './rpc';
import type { StaticFiles } from './static-files';
import type { HarnessPlatform } from './harness-platform';
import { LARGE_BODY_BYTES, LARGE_BODY_CHANNELS } from './rpc';

export const HOST = '127.0.0.1';
/**
 * Test control: `GET /__harness/clipboard`, `POST /__harness/power/lock-screen|suspend`, only when the
 * harness was started with KEYHAVEN_HARNESS_CONTROL_TOKEN, and only with that token.
 */
export const CONTROL_PREFIX = '/__harness/';
const POLLING_CHANNELS: ReadonlySet<string> = new Set(['vaults:list', 'vaults:lockStatus', 'system:status']);

export interface HarnessServerOptions {
  port: number;
  token: string;
  handlers: Handlers;
  /** The core's events, streamed to the page at EVENTS_PATH. */
  events: CoreEvents;
  page: PreparedPage;
  bridge: Buffer;
  files: StaticFiles;
  /** The harness's clipboard and power events; tests drive them through CONTROL_PREFIX routes. */
  platform: HarnessPlatform;
  /**
   * The token of the control routes, given by the test that started the harness (never the page's
   * token: a script in the page must not read what main copied). Null: the routes do not exist.
   */
  controlToken: string | null;
  /** One line per event, to stderr. Never given a request body, a query string or a header value. */
  log: (line: string) => void;
}

export interface HarnessServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only: the harness bridges the real core and keychain, so nothing off the machine may reach it. */
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  let port = options.port;
  const streams = new EventStreams();
  const server = createServer((request, response) => {
    const started = performance.now();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    response.on('finish', () => {
      const ms = (performance.now() - started).toFixed(1);
      options.log(`${request.method ?? '?'} ${path} ${response.statusCode} ${ms}ms`);
    });
    handle(request, response, path, port, options, streams).catch((error: unknown) => {
      options.log(`internal error on ${path}: ${error instanceof Error ? error.name : 'unknown'}`);
      if (!response.headersSent) send(response, 500, options.page.csp, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        streams.endAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  port: number,
  options: HarnessServerOptions,
  streams: EventStreams,
): Promise<void> {
  const { csp } = options.page;
  const origin = `http://${HOST}:${port}`;
  // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
  if (request.headers.host !== `${HOST}:${port}`)
    return send(response, 403, csp, 'text/plain; charset=utf-8', 'Forbidden host');
  // Another site's page calling in (CSRF-style): browsers always say where a cross-origin request comes from.
  const from = request.headers.origin;
  if (from !== undefined && from !== origin)
    return send(response, 403, csp, 'text/plain; charset=utf-8', 'Forbidden origin');

  if (path.startsWith(RPC_PREFIX)) {
    if (request.method !== 'POST')
      return send(response, 405, csp, 'text/plain; charset=utf-8', 'Use POST', { allow: 'POST' });
    if (!tokenMatches(options.token, request.headers[TOKEN_HEADER])) {
      return send(response, 403, csp, 'text/plain; charset=utf-8', 'Forbidden: missing or wrong token');
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin')
      return send(response, 403, csp, 'text/plain; charset=utf-8', 'Forbidden site');
    const channel = decodeChannel(path.slice(RPC_PREFIX.length));
    // Only an import carries a whole export file; every other request fits in 1 MB.
    const large = LARGE_BODY_CHANNELS.has(channel);
    const body = await readBody(request, large ? LARGE_BODY_BYTES : MAX_BODY_BYTES);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      const limit = large ? '40 MB' : '1 MB';
      return send(response, 413, csp, 'text/plain; charset=utf-8', `Request body over ${limit}`, {
        connection: 'close',
      });
    }
    // The screen's own polling is not the user doing something: it must not hold off idle auto-lock.
    if (!POLLING_CHANNELS.has(channel)) options.platform.touch();
    const answer = await runRpc(options.handlers, channel, body.text, (line) => options.log(line));
    return send(response, answer.status, csp, 'application/json; charset=utf-8', JSON.stringify(answer.result));
  }

  if (path.startsWith(CONTROL_PREFIX)) return control(request, response, path, options);

  if (path === EVENTS_PATH && request.method === 'GET') {
    const token = new URL(request.url ?? '/', origin).searchParams.get('token') ?? undefined;
    const site = request.headers['sec-fetch-site'];
    if (!tokenMatches(options.token, token) || (site !== undefined && site !== 'same-origin')) {
      return send(response, 403, csp, 'text/plain; charset=utf-8', 'Forbidden: missing or wrong token');
    }
    return streamEvents(request, response, options.events, csp, options.log, streams);
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, csp, 'text/plain; charset=utf-8', 'Method not allowed', { allow: 'GET, HEAD' });
  }
  if (path === '/' || path === '/index.html')
    return send(response, 200, csp, 'text/html; charset=utf-8', options.page.html);
  if (path === BRIDGE_PATH) return send(response, 200, csp, 'text/javascript; charset=utf-8', options.bridge);
  const file = await options.files.read(path);
  // Electron never asks for a favicon; a browser does, and a 404 would be a console error in every test.
  if (file === null && path === '/favicon.ico') return send(response, 204, csp, 'image/x-icon', Buffer.alloc(0));
  if (file === null) return send(response, 404, csp, 'text/plain; charset=utf-8', 'Not found');
  return send(response, 200, csp, file.contentType, file.body);
}

function control(request: IncomingMessage, response: ServerResponse, path: string, options: HarnessServerOptions) {
  const { csp } = options.page;
  if (options.controlToken === null) return send(response, 404, csp, 'text/plain; charset=utf-8', 'Not found');
  if (!tokenMatches(options.controlToken, request.headers[TOKEN_HEADER])) {
    return send(response, 403, csp, 'text/plain; charset=utf-8', 'Forbidden: missing or wrong control token');
  }
  const what = path.slice(CONTROL_PREFIX.length);
  if (what === 'clipboard' && request.method === 'GET') {
    const text = options.platform.clipboardText();
    return send(response, 200, csp, 'application/json; charset=utf-8', JSON.stringify({ text }));
  }
  if ((what === 'power/lock-screen' || what === 'power/suspend') && request.method === 'POST') {
    options.platform.emit(what === 'power/lock-screen' ? 'lock-screen' : 'suspend');
    return send(response, 204, csp, 'text/plain; charset=utf-8', '');
  }
  return send(response, 404, csp, 'text/plain; charset=utf-8', 'Not found');
}

function decodeChannel(raw: string): string {
  try {
    return decodeURIComponent(raw); // `apps:create` may arrive as `apps%3Acreate`
  } catch {
    return raw; // dispatch answers "Unknown request."
  }
}

/** Every response carries the page's CSP, nosniff and no-store, whatever it is. */
function send(
  response: ServerResponse,
  status: number,
  csp: string,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    ...extra,
  });
  response.end(response.req.method === 'HEAD' ? undefined : bytes);
}
