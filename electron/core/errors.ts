import type { ErrorCode } from '../../shared/ipc/errors';

export interface CoreErrorOptions {
  /** The input field the failure belongs to (`name` for a name already taken), when the service knows it. */
  field?: string;
}

/**
 * A failure the user can act on, with a code from the contract's closed set and a message written for
 * people. Messages never contain a secret: callers pass names and ids only.
 */
export class CoreError extends Error {
  readonly field?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: CoreErrorOptions = {},
  ) {
    super(message);
    this.name = 'CoreError';
    if (options.field !== undefined) this.field = options.field;
  }
}

export const notFound = (what: string): CoreError => new CoreError('NOT_FOUND', `${what} was not found.`);

/** A part this process did not open (the console, in the command line): every use says so, none returns nothing. */
export function notOpened(what: string): never {
  throw new CoreError('UNAVAILABLE', `This process did not open ${what}.`);
}
