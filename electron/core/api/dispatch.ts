import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import type { ApiError, ErrorCode, Result } from '../../../shared/ipc/errors';
import { CoreError } from '../errors';
import { KeychainUnavailableError } from '../keychain/keychain';
import { StorageError } from '../storage';
import { VaultCryptoError } from '../vaults/sealed-box';
import type { Handlers } from './handlers';
import { redact } from './redact';

export type ErrorLogger = (line: string) => void;

const known = new Set<string>(CHANNELS);
export const isChannel = (name: string): name is Channel => known.has(name);

/**
 * Runs one request the way every transport must (Electron IPC in main, HTTP in the browser harness,
 * in-process in renderer tests): validate the input against the contract, call the handler, and turn
 * every outcome into a Result. Nothing throws across this boundary, and no message carries a secret.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  logError: ErrorLogger = (line) => console.error(line),
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return failure('INVALID_INPUT', 'Unknown request.');
  const parsed = contract[channel].request.safeParse(rawInput ?? {});
  if (!parsed.success) return failure('INVALID_INPUT', describeIssues(parsed.error));
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(error, channel, logError) };
  }
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Field paths and the schema's own messages; never the received value. Object keys the caller chose
 * are values too (a secret pasted as a key): an unknown field is not named, and a record key that
 * failed validation is left out of the path.
 */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
      const message = issue.code === 'unrecognized_keys' ? 'Unexpected field.' : issue.message;
      return path.length ? `${path.join('.')}: ${message}` : message;
    })
    .join(' ');
}

const STORAGE_CODES: Record<StorageError['code'], ErrorCode> = {
  CORRUPT: 'STORAGE_CORRUPT',
  NEWER_VERSION: 'STORAGE_NEWER_VERSION',
  LOCK_TIMEOUT: 'STORAGE_BUSY',
  IO: 'STORAGE_IO',
};

export function toApiError(error: unknown, channel: string, logError: ErrorLogger): ApiError {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  if (error instanceof KeychainUnavailableError) return { code: error.code, message: error.message };
  if (error instanceof StorageError) return { code: STORAGE_CODES[error.code], message: error.message };
  // A sealed vault value that fails authentication: altered on disk (or moved); say so, never "internal".
  if (error instanceof VaultCryptoError) {
    return {
      code: 'STORAGE_CORRUPT',
      message: `${error.message} Nothing was changed. Restore the entry from an export, or delete it and add the key again.`,
    };
  }
  // Unexpected: log what a developer needs, redacted, and give the user a reference to match it.
  const reference = randomUUID().slice(0, 8);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logError(`[keyhaven] ${channel} failed (ref ${reference}): ${redact(detail)}`);
  return {
    code: 'INTERNAL',
    message: `Something went wrong in Keyhaven (reference ${reference}). Nothing secret was recorded; please report the reference.`,
  };
}
