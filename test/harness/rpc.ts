import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { dispatch, type ErrorLogger } from '../../electron/core/api/dispatch';
import type { Handlers } from '../../electron/core/api/handlers';
import type { Result } from '../../shared/ipc/errors';

export const RPC_PREFIX = '/rpc/';
export const TOKEN_HEADER = 'x-keyhaven-token';
export const MAX_BODY_BYTES = 1024 * 1024;
/** A vault import carries the export file (up to EXPORT_FILE_MAX, 32 MB) inside its JSON. */
export const LARGE_BODY_BYTES = 40 * 1024 * 1024;
export const LARGE_BODY_CHANNELS: ReadonlySet<string> = new Set(['vaults:previewImport', 'vaults:import']);

/**
 * Constant-time token check. Both sides are hashed first so the comparison takes the same time
 * whatever the length of what was sent (timingSafeEqual itself needs equal lengths).
 */
export function tokenMatches(expected: string, received: string | string[] | undefined): boolean {
  if (typeof received !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(received));
}

export type BodyOutcome = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused before
 * reading anything; a body that grows past it while streaming is cut off there.
 */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyOutcome> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolvePromise) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      resolvePromise(outcome);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep reading and dropping the rest: closing on unread data would reset the connection
        // before the client could read the 413.
        chunks.length = 0;
        settle({ kind: 'too-large' });
        return;
      }
      if (!settled) chunks.push(chunk);
    });
    request.on('end', () => settle({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => settle({ kind: 'aborted' }));
    request.on('close', () => settle({ kind: 'aborted' }));
  });
}

export interface RpcAnswer {
  status: number;
  result: Result<unknown>;
}

/**
 * One RPC call after the transport checks passed: parse the JSON body, then run exactly what Electron
 * IPC runs in main (`dispatch`: contract validation, the handler, error mapping, redaction).
 * Anything that is not a Result from dispatch is still answered as a Result, so the bridge has one shape.
 */
export async function runRpc(
  handlers: Handlers,
  channel: string,
  body: string,
  logError: ErrorLogger,
): Promise<RpcAnswer> {
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    // The parser's message quotes the body, which may hold a secret: say only what is wrong.
    return {
      status: 400,
      result: { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } },
    };
  }
  return { status: 200, result: await dispatch(handlers, channel, input, logError) };
}
