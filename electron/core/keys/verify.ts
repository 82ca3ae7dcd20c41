import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { parseKey } from './key-format';
import type { KeyHasher } from './key-hasher';
import { statusOf } from './key-status';

export type VerifyCode = 'VALID' | 'MALFORMED' | 'NOT_FOUND' | 'EXPIRED' | 'REVOKED';

export type VerifyOutcome =
  { code: 'VALID'; key: IssuedKeyRecord } | { code: Exclude<VerifyCode, 'VALID'>; key?: undefined };

interface KeyIndex {
  length: number;
  byKeyId: Map<string, IssuedKeyRecord>;
}

// Keys are never removed (revoked keys stay for the record), so the array only grows: an index is
// still valid while the array is the same object with the same length. A re-read replaces the array.
const indexes = new WeakMap<IssuedKeyRecord[], KeyIndex>();

function indexOf(keys: IssuedKeyRecord[]): Map<string, IssuedKeyRecord> {
  const cached = indexes.get(keys);
  if (cached && cached.length === keys.length) return cached.byKeyId;
  const byKeyId = new Map(keys.map((key) => [key.keyId, key]));
  indexes.set(keys, { length: keys.length, byKeyId });
  return byKeyId;
}

/**
 * The one verification path (local test API, command line). Shape and checksum are checked before any
 * lookup; the hash comparison is constant-time. A revoked or expired key can never become valid again:
 * both states are checked after the hash matches, from data that only ever moves forward.
 */
export function verifyPresentedKey(
  data: Readonly<KeyhavenFile>,
  hasher: KeyHasher,
  presented: string,
  now: Date,
): VerifyOutcome {
  const parsed = parseKey(presented);
  if (!parsed) return { code: 'MALFORMED' };
  const record = indexOf(data.keys as IssuedKeyRecord[]).get(parsed.keyId);
  if (!record || !hasher.matches(parsed.full, record.hash)) return { code: 'NOT_FOUND' };
  const status = statusOf(record, now);
  if (status === 'revoked') return { code: 'REVOKED' };
  if (status === 'expired') return { code: 'EXPIRED' };
  return { code: 'VALID', key: record };
}
