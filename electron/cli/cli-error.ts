import type { ErrorCode } from '../../shared/ipc/errors';

/**
 * The command line's exit codes: one per kind of failure, so a script can tell "no such vault" from
 * "the keychain is locked" without reading the message (which is for people). `run` exits with its
 * child's code instead; 126/127 are the shell's own meanings for a command that cannot start.
 */
export const EXIT = {
  OK: 0,
  /** `scan` found a leak: what CI fails on. */
  FOUND: 1,
  /** Bad flags, a malformed reference, a secret on the command line. */
  USAGE: 2,
  /** No such vault, entry, app or key. */
  NOT_FOUND: 3,
  /** The keychain is unreachable or locked, or a vault's key is missing from it. */
  KEYCHAIN: 4,
  /** `keys verify` answered anything but VALID (malformed, unknown, expired, revoked, missing a scope…). */
  INVALID_KEY: 5,
  /** A name already taken, an output file that exists (without --force). */
  CONFLICT: 6,
  /** The data folder is damaged, from a newer version, altered outside Keyhaven, or busy. */
  DATA: 7,
  /** `team sync`: a team vault did not sync (offline, history rewritten, failed, locked, removed). */
  NOT_SYNCED: 8,
  /** A bug: reported with what to send us. */
  INTERNAL: 70,
  CANNOT_EXECUTE: 126,
  COMMAND_NOT_FOUND: 127,
} as const;

export type ExitKind = keyof typeof EXIT;

/** A failure the command line reports in one line on stderr, with its exit code. Never holds a secret. */
export class CliError extends Error {
  constructor(
    readonly kind: Exclude<ExitKind, 'OK'>,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }

  get exitCode(): number {
    return EXIT[this.kind];
  }
}

/** The exit kind of a core failure, by its contract code (never by its message). */
export function exitKindOf(code: ErrorCode): Exclude<ExitKind, 'OK'> {
  switch (code) {
    case 'INVALID_INPUT':
      return 'USAGE';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'KEYCHAIN_UNAVAILABLE':
    case 'KEYCHAIN_DATA_MISSING':
    case 'LOCKED':
    case 'PASSPHRASE_REQUIRED':
    case 'WRONG_PASSPHRASE':
    case 'NOT_CONFIRMED':
      return 'KEYCHAIN';
    case 'STORAGE_CORRUPT':
    case 'STORAGE_NEWER_VERSION':
    case 'STORAGE_BUSY':
    case 'STORAGE_IO':
    case 'TAMPERED':
      return 'DATA';
    case 'UNAVAILABLE':
    case 'FORBIDDEN_SENDER':
    case 'INTERNAL':
      return 'INTERNAL';
  }
}
