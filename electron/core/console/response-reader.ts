import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ConsoleError } from './console-error';

/**
 * Reads a response body with a byte cap (issue 5 §3): once `maxBytes` have arrived the rest is not
 * read (the connection is closed) and the body is marked truncated. gzip, deflate and br bodies are
 * decompressed, and the cap applies to the decompressed bytes, so a small compressed bomb stops at the
 * cap too. Cancellation and the timeout come through `signal`.
 */
export interface ReadBody {
  bytes: Buffer;
  truncated: boolean;
}

export function readBody(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
  abortError: () => Error,
): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const encoding = String(response.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    const decoder = decompressorFor(encoding);
    const source: Readable = decoder ? response.pipe(decoder) : response;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const stop = () => {
      decoder?.destroy();
      response.destroy();
    };
    const onAbort = () => {
      stop();
      finish(() => reject(abortError()));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    source.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = maxBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        stop();
        finish(() => resolve({ bytes: Buffer.concat(chunks, size), truncated: true }));
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    source.on('end', () => finish(() => resolve({ bytes: Buffer.concat(chunks, size), truncated: false })));
    source.on('error', (error: NodeJS.ErrnoException) => {
      stop();
      finish(() =>
        reject(
          signal.aborted
            ? abortError()
            : decoder && error.code?.startsWith('Z_')
              ? new ConsoleError('NETWORK', `The response body could not be decompressed (${encoding}).`)
              : new ConsoleError('NETWORK', 'The connection closed before the whole response arrived.'),
        ),
      );
    });
    if (decoder) {
      response.on('error', () => {
        stop();
        finish(() =>
          reject(
            signal.aborted
              ? abortError()
              : new ConsoleError('NETWORK', 'The connection closed before the whole response arrived.'),
          ),
        );
      });
    }
  });
}

function decompressorFor(encoding: string) {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|x-ndjson|ld\+json|problem\+json|csv|sql|toml)\b)|\+(json|xml|yaml)\b/;
const BINARY_TYPES =
  /^(image\/(?!svg)|audio\/|video\/|font\/|application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|x-7z|x-rar|wasm|protobuf|x-protobuf|msgpack|x-msgpack|vnd\.ms-|vnd\.openxmlformats|java-archive|x-bzip))/;

/**
 * The body as text: declared text types are decoded (their charset, else UTF-8); binary types are
 * omitted; anything else is shown when it is valid UTF-8 without NUL bytes and omitted otherwise.
 */
export function decodeBody(
  bytes: Buffer,
  contentType: string | null,
  truncated: boolean,
): { text: string; encoding: 'utf8' | 'binary-omitted' } {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (BINARY_TYPES.test(type)) return { text: '', encoding: 'binary-omitted' };
  if (TEXT_TYPES.test(type)) return { text: decoderFor(contentType).decode(bytes), encoding: 'utf8' };
  if (bytes.subarray(0, 8192).includes(0)) return { text: '', encoding: 'binary-omitted' };
  try {
    // stream: a truncated body may end inside a character; that is not a sign of binary data.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated }), encoding: 'utf8' };
  } catch {
    return { text: '', encoding: 'binary-omitted' };
  }
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  if (charset) {
    try {
      return new TextDecoder(charset);
    } catch {
      // An unknown charset: UTF-8 is the best guess.
    }
  }
  return new TextDecoder('utf-8');
}
