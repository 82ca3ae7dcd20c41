/**
 * The closed set of error codes a channel can answer with. The renderer branches on codes, never on
 * message text; messages are for people and never contain a secret.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_DATA_MISSING',
  'STORAGE_CORRUPT',
  'STORAGE_NEWER_VERSION',
  'STORAGE_BUSY',
  'STORAGE_IO',
  'LOCKED',
  /** Vault keys are wrapped under the Keyhaven passphrase and it has not been entered in this session. */
  'PASSPHRASE_REQUIRED',
  'WRONG_PASSPHRASE',
  /** The user did not confirm their presence (Touch ID cancelled or failed). */
  'NOT_CONFIRMED',
  /** A record that decides security was changed outside Keyhaven (its seal fails): refused by name. */
  'TAMPERED',
  /** The platform cannot do this here (no clipboard in this window). */
  'UNAVAILABLE',
  'FORBIDDEN_SENDER',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /**
   * The input field the failure belongs to, when there is one: a contract failure's first issue (its
   * top-level path, e.g. `name`), or what a service names (a name already taken). The message then
   * reads right under that field and in a banner alike (it does not start with the field's path).
   */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
