import type { VerifyCode } from '../../../shared/domain/issued-key';
import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { parseKey } from './key-format';
import type { KeyHasher } from './key-hasher';
import { worksAt } from './key-status';

export type VerifyOutcome =
  | { code: 'VALID'; key: IssuedKeyRecord }
  | { code: 'MALFORMED' | 'NOT_FOUND'; key?: undefined }
  | { code: 'EXPIRED' | 'REVOKED' | 'INSUFFICIENT_SCOPE'; key: IssuedKeyRecord };

interface KeyIndex {
  length: number;
  byKeyId: Map<string, IssuedKeyRecord>;
}

// Keys are never removed (revoked keys stay for the record), so the array only grows: an index is
// still valid while the array is the same object with the same length. A reload replaces the array.
const indexes = new WeakMap<readonly IssuedKeyRecord[], KeyIndex>();

export function keysByKeyId(keys: readonly IssuedKeyRecord[]): ReadonlyMap<string, IssuedKeyRecord> {
  const cached = indexes.get(keys);
  if (cached && cached.length === keys.length) return cached.byKeyId;
  const map = new Map(keys.map((key) => [key.keyId, key]));
  indexes.set(keys, { length: keys.length, byKeyId: map });
  return map;
}

/**
 * The one verification path (local test API, command line, "Check a key"). Shape and checksum are
 * checked before any lookup; the hash comparison is constant-time. Revoked, expired and past-grace
 * rotated keys never become valid again: their state only moves forward. A rotated key past its grace
 * period answers REVOKED (it was permanently disabled).
 */
export function verifyPresentedKey(
  data: Readonly<KeyhavenFile>,
  hasher: KeyHasher,
  presented: string,
  now: Date,
  requiredScope?: string,
): VerifyOutcome {
  const parsed = parseKey(presented);
  if (!parsed) return { code: 'MALFORMED' };
  const key = keysByKeyId(data.keys).get(parsed.keyId);
  if (!key || key.prefix !== parsed.prefix || !hasher.matches(presented, key.hash)) return { code: 'NOT_FOUND' };
  if (!worksAt(key, now)) {
    const expired = key.expiresAt !== null && Date.parse(key.expiresAt) <= now.getTime();
    return { code: expired && key.revokedAt === null ? 'EXPIRED' : 'REVOKED', key };
  }
  if (requiredScope !== undefined && !key.scopes.includes(requiredScope)) return { code: 'INSUFFICIENT_SCOPE', key };
  return { code: 'VALID', key };
}

export type { VerifyCode };
