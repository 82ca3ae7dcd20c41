import type { VerifyCode } from '../../../shared/domain/issued-key';
import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { parseKey } from './key-format';
import type { KeyHasher } from './key-hasher';
import type { RecordSealer } from '../integrity/record-sealer';
import { keySealHolds } from './key-seal';

export type VerifyOutcome =
  | { code: 'VALID'; key: IssuedKeyRecord }
  | { code: 'MALFORMED' | 'NOT_FOUND'; key?: undefined }
  | { code: 'EXPIRED' | 'REVOKED' | 'DISABLED' | 'INSUFFICIENT_SCOPE' | 'TAMPERED'; key: IssuedKeyRecord };

interface KeyIndex {
  length: number;
  byKeyId: Map<string, IssuedKeyRecord>;
}

/** What never changes on a record after insert, decoded once: the hash bytes and the expiry instant. */
interface Fixed {
  digest: Buffer;
  expiresMs: number;
}
const fixedOf = new WeakMap<IssuedKeyRecord, Fixed>();

function fixed(key: IssuedKeyRecord): Fixed {
  let entry = fixedOf.get(key);
  if (!entry) {
    entry = {
      digest: Buffer.from(key.hash, 'base64url'),
      expiresMs: key.expiresAt === null ? Infinity : Date.parse(key.expiresAt),
    };
    fixedOf.set(key, entry);
  }
  return entry;
}

// Keys are removed only with their app (db/ops.ts 'app.delete'), which replaces the array; otherwise
// it only grows: an index is still valid while the array is the same object with the same length. A
// reload replaces the array.
const indexes = new WeakMap<readonly IssuedKeyRecord[], KeyIndex>();

export function keysByKeyId(keys: readonly IssuedKeyRecord[]): ReadonlyMap<string, IssuedKeyRecord> {
  const cached = indexes.get(keys);
  if (cached && cached.length === keys.length) return cached.byKeyId;
  const map = new Map(keys.map((key) => [key.keyId, key]));
  indexes.set(keys, { length: keys.length, byKeyId: map });
  return map;
}

/** The record a presented key names, found by its key id after the shape and checksum are checked. */
export type Presented = { code: 'MALFORMED' | 'NOT_FOUND'; key?: undefined } | { code: null; key: IssuedKeyRecord };

export function findPresentedKey(data: Readonly<KeyhavenFile>, presented: string): Presented {
  const parsed = parseKey(presented);
  if (!parsed) return { code: 'MALFORMED' };
  const key = keysByKeyId(data.keys).get(parsed.keyId);
  if (!key || key.prefix !== parsed.prefix) return { code: 'NOT_FOUND' };
  return { code: null, key };
}

/**
 * The one verification path (local test API, command line, "Check a key"), in two steps so the caller
 * can load the hasher of the key's app between them: findPresentedKey checks shape and checksum before
 * any lookup; this compares the hash in constant time. Revoked, expired and past-grace rotated keys
 * never become valid again: their state only moves forward. A rotated key past its grace period
 * answers REVOKED (it was permanently disabled). A key the user disabled answers DISABLED until it
 * is enabled again (an archived app's keys were revoked with it). A record whose seal fails was edited outside
 * Keyhaven: nothing it says can be trusted, so it answers TAMPERED before any other state.
 */
export function verifyFoundKey(
  key: IssuedKeyRecord,
  hasher: KeyHasher,
  sealer: RecordSealer,
  presented: string,
  now: Date,
  requiredScope?: string,
): VerifyOutcome {
  const { digest, expiresMs } = fixed(key);
  if (!hasher.matchesDigest(presented, digest)) return { code: 'NOT_FOUND' };
  if (!keySealHolds(sealer, key)) return { code: 'TAMPERED', key };
  const nowMs = now.getTime();
  if (key.revokedAt !== null) return { code: 'REVOKED', key };
  if (expiresMs <= nowMs) return { code: 'EXPIRED', key };
  // A rotated key past its grace period was permanently disabled: the same answer as revoked.
  if (key.replacedById !== null && (key.graceEndsAt === null || Date.parse(key.graceEndsAt) <= nowMs)) {
    return { code: 'REVOKED', key };
  }
  // After the states that never come back: a disabled key that has also ended answers why it ended.
  if (key.disabledAt !== null) return { code: 'DISABLED', key };
  if (requiredScope !== undefined && !key.scopes.includes(requiredScope)) return { code: 'INSUFFICIENT_SCOPE', key };
  return { code: 'VALID', key };
}

export type { VerifyCode };
