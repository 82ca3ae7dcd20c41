import type { ErrorCode } from '../../shared/ipc/errors';

/**
 * A failure the user can act on, with a code from the contract's closed set and a message written for
 * people. Messages never contain a secret: callers pass names and ids only.
 */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string): CoreError => new CoreError('NOT_FOUND', `${what} was not found.`);
