import type { VerifyCode } from '../../../shared/domain/issued-key';

/** What the local test API tells about a key: public facts only, never the key or its hash. */
export interface KeyFacts {
  /** The name of the key's app. */
  app: string | null;
  /** The key's public label, `<prefix>_<keyId>` (`pyas_n58lZyBi`), as the keys table shows it. */
  keyId: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
}

/** A verification's code, and the facts of the key it found (none for MALFORMED and NOT_FOUND). */
export interface KeyCheck {
  code: VerifyCode;
  key: KeyFacts | null;
}

/**
 * All the local test API needs of Keyhaven, and all it gets: no data files, no services. The core
 * passes an adapter over its key service (keys/test-api-keys.ts); tests can pass a fake.
 */
export interface TestApiKeys {
  /**
   * Checks a key as presented (bare, out of its header), with the one verification path: a live key's
   * call counts as a use. With `requiredScope`, a valid key without it answers INSUFFICIENT_SCOPE.
   */
  verifyKey(presented: string, requiredScope?: string): Promise<KeyCheck>;
  /**
   * The current signed keyset of the app named by `app` (its key prefix, id or name; may be left out
   * when there is one app). Throws a CoreError NOT_FOUND or INVALID_INPUT naming what is wrong.
   */
  keyset(app: string | null): Promise<{ text: string; sequence: number }>;
  /** The time the failure limiter's windows run on. */
  now(): Date;
}
