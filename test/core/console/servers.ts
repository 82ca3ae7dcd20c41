import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Local HTTP and HTTPS servers for the console tests: each records exactly what arrived (raw header
 * lines, URL, body) and answers through a handler (default: an echo of what it saw, as JSON).
 */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

export interface TestServer {
  /** `http://127.0.0.1:1234` (or https). */
  origin: string;
  port: number;
  seen: Seen[];
  /** The same server under another origin: http://localhost:<port>. */
  localhostOrigin: string;
  close: () => Promise<void>;
}

export const echo: Handler = (_req, res, seen) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(seen));
};

export async function startServer(handler: Handler = echo, tls?: Certificate): Promise<TestServer> {
  const seen: Seen[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const record: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(record);
      handler(req, res, record);
    });
  };
  const server: Server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const scheme = tls ? 'https' : 'http';
  return {
    origin: `${scheme}://127.0.0.1:${address.port}`,
    localhostOrigin: `${scheme}://localhost:${address.port}`,
    port: address.port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The header lines that arrived, as `name: value`, in order (names as sent). */
export function headerLines(seen: Seen): string[] {
  const lines: string[] = [];
  for (let i = 0; i + 1 < seen.rawHeaders.length; i += 2)
    lines.push(`${seen.rawHeaders[i]}: ${seen.rawHeaders[i + 1]}`);
  return lines;
}

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

/**
 * A self-signed certificate for localhost, 127.0.0.1, ::1 and selfsigned.test, made with the openssl
 * command (Node cannot create X.509 certificates itself). Null when openssl is not installed.
 */
export async function selfSignedCertificate(): Promise<Certificate | null> {
  if (spawnSync('openssl', ['version']).status !== 0) return null;
  const dir = await mkdtemp(join(tmpdir(), 'keyhaven-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,DNS:selfsigned.test,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1',
    ]);
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Resolves every name to 127.0.0.1, so made-up host names reach the local servers. */
export const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all)
    (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  else callback(null, '127.0.0.1', 4);
};
