/**
 * The keyset a service verifies Keyhaven keys with, offline (issue 12). One file per app:
 *
 *     { "format": "keyhaven-keyset", "version": 1, "app": { "id", "name", "prefix" },
 *       "sequence": 12, "issuedAt": "…", "validUntil": "…",
 *       "keys": [ { "keyId", "digest", "scopes", "expiresAt", "graceEndsAt" } ],
 *       "revoked": [ { "keyId", "revokedAt" } ],
 *       "disabled": [ { "keyId", "disabledAt" } ],          (only when a key is disabled)
 *       "signature": { "alg": "Ed25519", "value": "<base64url>" } }
 *
 * `digest` is HMAC-SHA-256 of the whole key under the app's secret (base64url): the file alone cannot
 * confirm a guessed key. Revoked keys (and rotated keys past their grace) are listed by id only (no
 * digest), so a service can answer REVOKED rather than NOT_FOUND; Keyhaven leaves out keys that ended
 * more than 90 days ago (electron/core/keysets/keyset-contents.ts). Disabled keys (a temporary stop) are
 * listed the same way under `disabled`, so a service answers DISABLED; when enabled again the key is
 * back in `keys` with its digest. A keyset without `disabled` (from before, or with none) has none. The signature covers `keysetSigningBytes`:
 * the canonical JSON (object keys sorted, no spaces) of everything but `signature`.
 */
export const KEYSET_FORMAT = 'keyhaven-keyset';
export const KEYSET_VERSION = 1;

export interface KeysetKey {
  keyId: string;
  digest: string;
  scopes: string[];
  expiresAt: string | null;
  /** A rotated key: it keeps working until then, and answers REVOKED after (as the core does). */
  graceEndsAt: string | null;
}

export interface Keyset {
  format: typeof KEYSET_FORMAT;
  version: typeof KEYSET_VERSION;
  app: { id: string; name: string; prefix: string };
  /** Grows with every keyset of the app: a service refuses one older than what it holds. */
  sequence: number;
  issuedAt: string;
  validUntil: string;
  keys: KeysetKey[];
  revoked: { keyId: string; revokedAt: string }[];
  /** Left out when empty, so a keyset with no disabled key has the bytes it had before the field existed. */
  disabled?: { keyId: string; disabledAt: string }[];
  signature: { alg: 'Ed25519'; value: string };
}

/** JSON with object keys sorted at every level and no whitespace: the bytes a signature covers. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // Keyhaven signs whole numbers only; anything else is a keyset it did not make (refused, never a crash).
    if (typeof value === 'number' && !Number.isSafeInteger(value))
      throw new KeysetError('The keyset holds a number Keyhaven never signs: it was not made by Keyhaven.');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function keysetSigningBytes(
  keyset: Omit<Keyset, 'signature'> & { signature?: unknown },
): Uint8Array<ArrayBuffer> {
  const { signature: _signature, ...signed } = keyset;
  return new TextEncoder().encode(canonicalJson(signed));
}

/** Why a keyset is refused; the verifier keeps the last good one and reports this. */
export class KeysetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeysetError';
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));
const isDateOrNull = (v: unknown): v is string | null => v === null || isDate(v);

/** The keyset in `raw` (parsed JSON), its shape checked field by field; throws KeysetError. */
export function parseKeyset(raw: unknown): Keyset {
  const k = raw as Partial<Keyset> | null;
  if (k === null || typeof k !== 'object') throw new KeysetError('The keyset is not a JSON object.');
  if (k.format !== KEYSET_FORMAT)
    throw new KeysetError(`This is not a Keyhaven keyset (format "${String(k.format)}").`);
  if (k.version !== KEYSET_VERSION)
    throw new KeysetError(`The keyset is version ${String(k.version)}; this verifier reads version ${KEYSET_VERSION}.`);
  const app = k.app;
  if (!app || !isString(app.id) || !isString(app.name) || !isString(app.prefix))
    throw new KeysetError('The keyset does not name its app.');
  if (!Number.isSafeInteger(k.sequence) || (k.sequence as number) < 1)
    throw new KeysetError('The keyset has no sequence number.');
  if (!isDate(k.issuedAt) || !isDate(k.validUntil))
    throw new KeysetError('The keyset has no valid issued-at or valid-until.');
  if (!Array.isArray(k.keys) || !Array.isArray(k.revoked)) throw new KeysetError('The keyset has no key list.');
  for (const key of k.keys) {
    const ok =
      isString(key?.keyId) &&
      isString(key.digest) &&
      Array.isArray(key.scopes) &&
      key.scopes.every(isString) &&
      isDateOrNull(key.expiresAt) &&
      isDateOrNull(key.graceEndsAt);
    if (!ok) throw new KeysetError('A key in the keyset is malformed.');
  }
  for (const entry of k.revoked) {
    if (!isString(entry?.keyId) || !isDate(entry.revokedAt))
      throw new KeysetError('A revoked key in the keyset is malformed.');
  }
  if (k.disabled !== undefined) {
    if (!Array.isArray(k.disabled)) throw new KeysetError('The keyset has a malformed disabled list.');
    for (const entry of k.disabled) {
      if (!isString(entry?.keyId) || !isDate(entry.disabledAt))
        throw new KeysetError('A disabled key in the keyset is malformed.');
    }
  }
  if (k.signature?.alg !== 'Ed25519' || !isString(k.signature.value))
    throw new KeysetError('The keyset is not signed.');
  return k as Keyset;
}
