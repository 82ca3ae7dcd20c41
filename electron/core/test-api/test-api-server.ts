import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { judgeError } from '../api/error-judge';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { DEFAULT_FAILURE_LIMITS, FailureLimiter } from './failure-limiter';
import { loopbackGuard } from './host-origin';
import { errorReply, rawErrorResponse, send, type Reply } from './reply';
import { matchRoute } from './routes';
import type { TestApiKeys } from './test-api-keys';

/**
 * Keyhaven's local test API (issue 5, DESIGN.md §7): an HTTP server on 127.0.0.1 that authenticates
 * requests with the keys this Keyhaven issued, so developers can try them against a real endpoint.
 *
 *   GET  /v1/whoami          → 200 { app, keyId, name, scopes, expiresAt } · 401 { code } with
 *                              MISSING_KEY, MALFORMED, NOT_FOUND, EXPIRED, REVOKED or TAMPERED (+ WWW-Authenticate)
 *   POST /v1/keys/verify     { key, scope? } → 200 { valid, code, app, keyId, scopes, expiresAt }
 *   GET  /v1/scopes/<scope>  → 200 { scope, granted: true, app, keyId } · 403 INSUFFICIENT_SCOPE · 401
 *
 * `keyId` is the key's public label, `<prefix>_<keyId>` (`pyas_n58lZyBi`), as the keys table shows it.
 * The key travels as `x-api-key: K`, `Authorization: Api-Key K` or `Authorization: Bearer K` — exactly
 * one of them. Every valid check counts as a use of the key (last used, use count, and an aggregated
 * "verified ×N" activity record per hour): the core's verification does that.
 *
 * Guards, in order: Host must be a loopback name with our port (421 FORBIDDEN_HOST: DNS rebinding);
 * a browser request from another origin is refused (403 FORBIDDEN_ORIGIN); unknown path 404
 * NOT_FOUND_ROUTE, wrong method 405 with Allow; a client with too many failed authentications is
 * answered 429 RATE_LIMITED with Retry-After; POST bodies are JSON only (415) and capped (413).
 */
export interface TestApiLimits {
  /** Largest accepted request body, in bytes (16 KiB). */
  maxBodyBytes: number;
  /** Failed authentications a client may make per window before it is answered 429 (20). */
  maxFailures: number;
  /** The failure window, in ms, counted from a client's first failure in it (60 s). */
  failureWindowMs: number;
}

export const DEFAULT_TEST_API_LIMITS: TestApiLimits = {
  maxBodyBytes: 16 * 1024,
  maxFailures: DEFAULT_FAILURE_LIMITS.maxFailures,
  failureWindowMs: DEFAULT_FAILURE_LIMITS.windowMs,
};

export interface TestApiOptions {
  /** What the server knows of Keyhaven: the key check, public facts, the time. */
  keys: TestApiKeys;
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Only loopback: the option exists to say so. */
  host?: '127.0.0.1';
  /** Drives the failure limiter's windows; defaults to `keys.now()`. */
  clock?: Clock;
  limits?: Partial<TestApiLimits>;
  /** Where an unexpected failure inside a request is reported, redacted; defaults to console.error. */
  logError?: (line: string) => void;
}

export interface TestApi {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** Stops listening and drops open (keep-alive) connections; resolves once the port is free. */
  close(): Promise<void>;
}

export const TEST_API_HOST = '127.0.0.1';

/** Slow clients are cut off: headers within 10 s, the whole request within 30 s. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export async function startTestApi(options: TestApiOptions): Promise<TestApi> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CoreError('INVALID_INPUT', 'The port must be a whole number from 0 to 65535 (0 picks a free port).', {
      field: 'port',
    });
  }
  if ((options.host ?? TEST_API_HOST) !== TEST_API_HOST) {
    throw new CoreError('INVALID_INPUT', 'The local test API listens on 127.0.0.1 only.');
  }
  const keys = options.keys;
  // The interface has a clock's shape: the limiter runs on Keyhaven's time unless a test gives its own.
  const clock: Clock = options.clock ?? keys;
  const limits = { ...DEFAULT_TEST_API_LIMITS, ...options.limits };
  const logError = options.logError ?? ((line: string) => console.error(line));
  // Failures count per connection and per presented key. Every client is 127.0.0.1, so an address says
  // nothing: a noisy connection blocks itself only, and a key id attacked from many connections
  // refuses further failed presentations of that id only — a valid key always answers, whoever else
  // is noisy. (Guessing a key is hopeless anyway, at 190 random bits; the limit stops runaway loops.)
  const failureLimits = { maxFailures: limits.maxFailures, windowMs: limits.failureWindowMs };
  const nowMs = () => clock.now().getTime();
  const byConnection = new FailureLimiter(failureLimits, nowMs);
  const byKey = new FailureLimiter(failureLimits, nowMs);
  const connectionIds = new WeakMap<object, string>();
  let connections = 0;
  const connectionOf = (req: IncomingMessage): string => {
    let id = connectionIds.get(req.socket);
    if (id === undefined) connectionIds.set(req.socket, (id = String((connections += 1))));
    return id;
  };
  const rateLimited = (seconds: number): Reply =>
    errorReply(429, 'RATE_LIMITED', `Too many failed authentications. Try again in ${seconds} s.`, {
      headers: { 'retry-after': String(seconds) },
    });
  // Set once listening, when the real port is known; no request arrives before.
  let guard = loopbackGuard(port);

  async function answer(req: IncomingMessage): Promise<Reply> {
    if (!guard.hostAllowed(req.headers.host)) {
      return errorReply(
        421,
        'FORBIDDEN_HOST',
        'This server answers only to 127.0.0.1, localhost or [::1] with its port.',
      );
    }
    const secFetchSite = req.headers['sec-fetch-site'];
    if (!guard.originAllowed(req.headers.origin, typeof secFetchSite === 'string' ? secFetchSite : undefined)) {
      return errorReply(403, 'FORBIDDEN_ORIGIN', 'Requests from web pages on other origins are refused.');
    }
    const match = matchRoute(req.method, req.url);
    if ('reply' in match) return match.reply;
    // Every route checks a key. A blocked connection learns nothing more: right keys get 429 there too.
    const connection = connectionOf(req);
    const blocked = byConnection.retryAfterSeconds(connection);
    if (blocked > 0) return rateLimited(blocked);
    const reply = await match.route.handle({ keys, req, maxBodyBytes: limits.maxBodyBytes, scope: match.scope });
    if (!reply.authFailed) return reply;
    byConnection.recordFailure(connection);
    if (!reply.presented) return reply;
    const keyBlocked = byKey.retryAfterSeconds(reply.presented);
    if (keyBlocked > 0) return rateLimited(keyBlocked);
    byKey.recordFailure(reply.presented);
    return reply;
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    answer(req).then(
      // Answers go out in the loop's check phase: one turn reads every connection that is ready, then
      // writes their answers back to back. About +20 % requests/s at 50 keep-alive connections (bench).
      (reply) => setImmediate(send, res, reply),
      (error: unknown) => {
        const judged = judgeError(error, 'a local test API request');
        const { code } = judged.shown;
        if (code === 'KEYCHAIN_UNAVAILABLE' || code === 'KEYCHAIN_DATA_MISSING') {
          send(
            res,
            errorReply(503, 'KEYCHAIN_UNAVAILABLE', 'Keys cannot be checked: the system keychain is unavailable.'),
          );
          return;
        }
        // Anything else is the server's fault, not the client's: logged, and answered with the judged
        // words (a reference to the log line when the failure was unexpected).
        logError(judged.log);
        send(res, errorReply(500, 'INTERNAL', judged.shown.message));
      },
    );
  }

  const server = createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, onRequest);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const response =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawErrorResponse(431, 'Request Header Fields Too Large', 'BAD_REQUEST', 'The request headers are too large.')
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawErrorResponse(408, 'Request Timeout', 'BAD_REQUEST', 'The request took too long.')
          : rawErrorResponse(400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP.');
    socket.end(response);
  });

  const actualPort = await new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(listenError(error, port));
    server.once('error', onError);
    server.listen({ port, host: TEST_API_HOST, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      guard = loopbackGuard(bound);
      resolve(bound);
    });
  });
  server.on('error', (error) => logError(judgeError(error, 'the local test API server').log));

  let closing: Promise<void> | null = null;
  return {
    port: actualPort,
    baseUrl: `http://${TEST_API_HOST}:${actualPort}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new CoreError(
      'CONFLICT',
      `Port ${port} is already in use on 127.0.0.1. Choose another, or 0 for a free one.`,
      { field: 'port' },
    );
  }
  if (error.code === 'EACCES') {
    return new CoreError('INVALID_INPUT', `Port ${port} needs administrator rights here. Choose one above 1023.`, {
      field: 'port',
    });
  }
  return error;
}
