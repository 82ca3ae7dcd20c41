import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** The small local HTTP servers the console tests send to: each records what arrived (issue 5). */

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8, recorded once the request ended (after the handler answered, so echoes leave it out). */
  body?: string;
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` (also the origin). */
  base: string;
  /** Every request that arrived, in order, with its headers as Node parsed them. */
  received: Received[];
}

type Handler = (req: IncomingMessage, res: ServerResponse, got: Received) => void;

/** Answers `{ method, url, headers }` as JSON: what arrived, echoed back. */
export const echoHandler: Handler = (_req, res, got) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(got));
};

/**
 * A node:http server on 127.0.0.1 and a free port that records every request (headers included) and
 * answers with `handler` (an echo by default). Closed when the test finishes.
 */
export async function startRecordingServer(handler: Handler = echoHandler): Promise<RecordingServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const got: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    received.push(got);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handler(req, res, got);
      got.body = Buffer.concat(chunks).toString('utf8');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** A server whose every request is answered 302 to `location` (another origin, for the redirect test). */
export function redirectTo(location: string): Handler {
  return (_req, res) => {
    res.writeHead(302, { location, 'content-type': 'text/plain' });
    res.end('Moved');
  };
}

/** Every header value that arrived, for "the key is nowhere in what reached this server". */
export function allHeaderText(server: RecordingServer): string {
  return JSON.stringify(server.received.map((got) => got.headers));
}
