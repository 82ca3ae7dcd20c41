import type { IncomingMessage } from 'node:http';
import { errorReply, type Reply } from './reply';

export type JsonBody = { ok: true; value: unknown } | { ok: false; reply: Reply };

/** After an answer to an oversized body, the rest is read and thrown away up to this much, then cut. */
const DISCARD_MAX_BYTES = 1024 * 1024;

const tooLarge = (maxBytes: number): Reply =>
  errorReply(413, 'BODY_TOO_LARGE', `Request bodies are limited to ${maxBytes.toLocaleString('en-US')} bytes.`, {
    close: true,
  });

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const type = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Reads a JSON request body of at most `maxBytes`: refused up front when Content-Length says more, and
 * cut off as soon as a streamed (chunked) body goes past it — never buffered beyond the cap. A body
 * left unread is answered with `close: true`, so the connection does not carry on into its bytes.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  if (!isJson(req.headers['content-type'])) {
    discardRest(req);
    return Promise.resolve({
      ok: false,
      reply: errorReply(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the request body as JSON (Content-Type: application/json).',
        {
          close: true,
        },
      ),
    });
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    discardRest(req);
    return Promise.resolve({ ok: false, reply: tooLarge(maxBytes) });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      discardRest(req);
      resolve({ ok: false, reply: tooLarge(maxBytes) });
    };
    const onEnd = (): void => {
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks, received).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, reply: errorReply(400, 'BAD_REQUEST', 'The request body is not valid JSON.') });
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    // A client that goes away mid-body gets no answer; the promise still settles.
    req.on('close', () => resolve({ ok: false, reply: errorReply(400, 'BAD_REQUEST', 'The request was cut off.') }));
  });
}

/** Reads and drops what is left of a body we will not use, and cuts the connection past a limit. */
function discardRest(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_MAX_BYTES) req.socket.destroy();
  });
}
