import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ApiError, ErrorCode } from '../../../shared/ipc/errors';
import { CoreError } from '../errors';
import { KeychainUnavailableError } from '../keychain/keychain';
import { StorageError } from '../storage';
import { VaultCryptoError } from '../vaults/sealed-box';
import { redact } from './redact';

/**
 * The one place that decides whether a failure may be shown to the user, with which code, and on which
 * input field (IPC answers, the local test API, a rotation's vault update, background logs, main's
 * start-up dialog). Keyhaven's own error types carry messages written for people without secrets;
 * everything else is a failure nobody foresaw: the user gets a reference, the log gets the details,
 * redacted (api/redact.ts).
 */
export interface Judgement {
  /** What the user may see. */
  shown: ApiError;
  /** False for a failure Keyhaven did not foresee: `shown` then says only "something went wrong" and a reference. */
  expected: boolean;
  /**
   * One line for the log, redacted: `[keyhaven] <where> failed: <Name>: <message>`, or for an
   * unexpected failure `[keyhaven] <where> failed (ref <reference>): <stack>` — the reference `shown` gives.
   */
  log: string;
  /** `<Name>: <message>`, redacted, without the stack: for a dialog that has no log behind it. */
  detail: string;
}

/** A request that does not match its channel's contract: the issues of its zod validation. */
export class InvalidRequestError extends Error {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('The request does not match its contract.');
    this.name = 'InvalidRequestError';
  }
}

const STORAGE_CODES: Record<StorageError['code'], ErrorCode> = {
  CORRUPT: 'STORAGE_CORRUPT',
  NEWER_VERSION: 'STORAGE_NEWER_VERSION',
  LOCK_TIMEOUT: 'STORAGE_BUSY',
  IO: 'STORAGE_IO',
};

/**
 * The message of one of Keyhaven's own error types, as it is, or null: only these are written for
 * people and never carry a secret. A rotation quotes it in its vault-update problem.
 */
export function ownWords(error: unknown): string | null {
  const own =
    error instanceof CoreError ||
    error instanceof KeychainUnavailableError ||
    error instanceof StorageError ||
    error instanceof VaultCryptoError;
  return own ? error.message : null;
}

/** Judges any failure; `where` names what failed in the log line ("keys:rotate", "recording activity"). */
export function judgeError(error: unknown, where: string): Judgement {
  const shown = shownOf(error);
  const detail = describe(error);
  if (shown) return { shown, expected: true, log: `[keyhaven] ${where} failed: ${detail}`, detail };
  const reference = randomUUID().slice(0, 8);
  const full = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return {
    shown: {
      code: 'INTERNAL',
      message: `Something went wrong in Keyhaven (reference ${reference}). Nothing secret was recorded; please report the reference.`,
    },
    expected: false,
    log: `[keyhaven] ${where} failed (ref ${reference}): ${redact(full)}`,
    detail,
  };
}

function shownOf(error: unknown): ApiError | null {
  if (error instanceof InvalidRequestError) return describeIssues(error.issues);
  if (error instanceof CoreError) return withField(error.code, error.message, error.field);
  if (error instanceof KeychainUnavailableError) return { code: error.code, message: error.message };
  if (error instanceof StorageError) return { code: STORAGE_CODES[error.code], message: error.message };
  // A sealed vault value that fails authentication: altered on disk (or moved); say so, never "internal".
  if (error instanceof VaultCryptoError) {
    return {
      code: 'STORAGE_CORRUPT',
      message: `${error.message} Nothing was changed. Restore the entry from an export, or delete it and add the key again.`,
    };
  }
  return null;
}

/** The name is the class's, never a value; redacting it would mask a long one ("KeychainUnavailableError"). */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${redact(error.message)}` : redact(String(error));
}

const withField = (code: ErrorCode, message: string, field: string | undefined): ApiError =>
  field === undefined ? { code, message } : { code, message, field };

/**
 * Field paths and the schema's own messages; never the received value. Object keys the caller chose
 * are values too (a secret pasted as a key): an unknown field is not named, and a record key that
 * failed validation is left out of the path. The first issue belongs to `field`, its top-level path;
 * when its path is just that field its words go without it (the schema's words name the field: "API
 * key name is required."), so they read right both under the field and in a banner. Other issues keep
 * their paths.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): ApiError {
  const paths = issues.map((issue) => (issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path));
  const top = paths[0]?.[0];
  const field = typeof top === 'string' ? top : undefined;
  const message = issues
    .slice(0, 5)
    .map((issue, at) => {
      const path = paths[at] ?? [];
      const words = issue.code === 'unrecognized_keys' ? 'Unexpected field.' : issue.message;
      if (path.length === 0 || (at === 0 && path.length === 1 && field !== undefined)) return words;
      return `${path.map(String).join('.')}: ${words}`;
    })
    .join(' ');
  return withField('INVALID_INPUT', message, field);
}
