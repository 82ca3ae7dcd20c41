import type { ErrorCode } from '../../../shared/ipc/errors';
import { CoreError } from '../errors';

/**
 * Why a console request did not produce a response. Each reason maps onto an existing contract code
 * today (INVALID_INPUT for what the console refuses to do, UNAVAILABLE for what the network did);
 * the reason travels with the error so the contract can gain finer codes without touching callers.
 */
export const CONSOLE_FAILURES = {
  /** An entry's key aimed at a host outside its allowed hosts. */
  HOST_NOT_ALLOWED: 'INVALID_INPUT',
  /** A redirect from https to http. */
  INSECURE_REDIRECT: 'INVALID_INPUT',
  /** More than 5 redirects. */
  TOO_MANY_REDIRECTS: 'INVALID_INPUT',
  /** A redirect whose Location is not an http(s) URL. */
  BAD_REDIRECT: 'INVALID_INPUT',
  /** Headers Node refuses to send (a character not allowed in a header). */
  BAD_REQUEST: 'INVALID_INPUT',
  TIMEOUT: 'UNAVAILABLE',
  CANCELLED: 'UNAVAILABLE',
  /** The server's certificate was not accepted. */
  TLS: 'UNAVAILABLE',
  /** DNS, refused, reset, malformed response. */
  NETWORK: 'UNAVAILABLE',
} as const satisfies Record<string, ErrorCode>;

export type ConsoleFailure = keyof typeof CONSOLE_FAILURES;

export class ConsoleError extends CoreError {
  constructor(
    readonly reason: ConsoleFailure,
    message: string,
  ) {
    super(CONSOLE_FAILURES[reason], message);
    this.name = 'ConsoleError';
  }
}
