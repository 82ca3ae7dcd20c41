import type { ServerResponse } from 'node:http';

/**
 * Every answer of the local test API is JSON. Error bodies are `{ code, message }`: the code is what a
 * client branches on, the message is for people and never contains the presented key (nor any input).
 */
export type TestApiErrorCode =
  | 'FORBIDDEN_HOST'
  | 'FORBIDDEN_ORIGIN'
  | 'NOT_FOUND_ROUTE'
  | 'METHOD_NOT_ALLOWED'
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'MISSING_KEY'
  | 'MALFORMED'
  | 'NOT_FOUND'
  | 'EXPIRED'
  | 'REVOKED'
  | 'DISABLED'
  | 'INSUFFICIENT_SCOPE'
  | 'TAMPERED'
  | 'RATE_LIMITED'
  | 'KEYCHAIN_UNAVAILABLE'
  | 'APP_NOT_FOUND'
  | 'INTERNAL';

export interface Reply {
  status: number;
  /** JSON to serialise, or text already serialised (a keyset, byte for byte as signed and published). */
  body: object | string;
  headers?: Record<string, string>;
  /** A failed authentication: counted by the failure limiter, per connection and per presented key. */
  authFailed?: boolean;
  /** The public label (`pyas_n58lZyBi`) of a well-formed key presented with the request, if any. */
  presented?: string;
  /** Close the connection after this answer (a request body was left unread). */
  close?: boolean;
}

export const errorReply = (
  status: number,
  code: TestApiErrorCode,
  message: string,
  extra: Partial<Omit<Reply, 'status' | 'body'>> = {},
): Reply => ({ status, body: { code, message }, ...extra });

/** On every answer: JSON, never cached, never sniffed as something else. No CORS headers, ever. */
const BASE_HEADERS = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...BASE_HEADERS,
    'content-length': Buffer.byteLength(body),
    ...reply.headers,
    ...(reply.close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/** A complete raw HTTP/1.1 answer, for the parser-error path where no ServerResponse exists. */
export function rawErrorResponse(status: number, reason: string, code: TestApiErrorCode, message: string): string {
  const body = JSON.stringify({ code, message });
  return (
    `HTTP/1.1 ${status} ${reason}\r\n` +
    Object.entries(BASE_HEADERS)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  );
}
