import { sign, type KeyObject } from 'node:crypto';
import type { App } from '../../../shared/domain/app';
import {
  KEYSET_FORMAT,
  KEYSET_VERSION,
  keysetSigningBytes,
  type Keyset,
  type KeysetKey,
} from '../../../shared/verify/keyset';
import type { IssuedKeyRecord } from '../db/schema';
import type { RecordSealer } from '../integrity/record-sealer';
import { keySealHolds } from '../keys/key-seal';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An ended key (revoked, past grace, expired) stays listed this long, then answers NOT_FOUND: still refused. */
export const ENDED_LISTED_MS = 90 * DAY_MS;

export interface KeysetContents {
  keys: KeysetKey[];
  revoked: Keyset['revoked'];
  disabled: NonNullable<Keyset['disabled']>;
  /** Records whose seal fails (edited outside Keyhaven): never published, whatever they say. */
  leftOut: number;
}

const byKeyId = (a: { keyId: string }, b: { keyId: string }) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0);

/**
 * What an app's keyset lists, from its key records. A key's digest is the hash Keyhaven stores (HMAC
 * under the app's pepper), so a key issued before keysets needs no rotation. Revoked keys, and rotated
 * keys past their grace period (Keyhaven answers REVOKED for both), are listed by id only, without a
 * digest; expired keys keep theirs so the service can answer EXPIRED to their holder only. Disabled keys
 * that have not ended are listed by id only too, under `disabled` (DISABLED). Sorted by
 * key id, so the same keys always give the same bytes.
 */
export function keysetContents(
  records: readonly IssuedKeyRecord[],
  appId: string,
  sealer: RecordSealer,
  now: Date,
): KeysetContents {
  const nowMs = now.getTime();
  const listedFrom = nowMs - ENDED_LISTED_MS;
  const keys: KeysetKey[] = [];
  const revoked: Keyset['revoked'] = [];
  const disabled: KeysetContents['disabled'] = [];
  let leftOut = 0;
  for (const key of records) {
    if (key.appId !== appId) continue;
    if (!keySealHolds(sealer, key)) {
      leftOut += 1;
      continue;
    }
    // In the order Keyhaven's own verification answers: revoked, then expired, then past grace.
    const expiresMs = key.expiresAt === null ? Infinity : Date.parse(key.expiresAt);
    const expired = key.revokedAt === null && expiresMs <= nowMs;
    const revokedAt = key.revokedAt ?? (key.replacedById !== null && !expired ? pastGraceEnd(key, nowMs) : null);
    if (revokedAt !== null) {
      if (Date.parse(revokedAt) >= listedFrom) revoked.push({ keyId: key.keyId, revokedAt });
      continue;
    }
    if (expiresMs < listedFrom) continue;
    if (key.disabledAt !== null && !expired) {
      disabled.push({ keyId: key.keyId, disabledAt: key.disabledAt });
      continue;
    }
    keys.push({
      keyId: key.keyId,
      digest: key.hash,
      scopes: [...key.scopes],
      expiresAt: key.expiresAt,
      graceEndsAt: key.replacedById !== null ? key.graceEndsAt : null,
    });
  }
  return { keys: keys.sort(byKeyId), revoked: revoked.sort(byKeyId), disabled: disabled.sort(byKeyId), leftOut };
}

/** A rotated key's end, once its grace period is over (a rotation without grace ends at once). */
function pastGraceEnd(key: IssuedKeyRecord, nowMs: number): string | null {
  const end = key.graceEndsAt ?? key.createdAt;
  return Date.parse(end) <= nowMs ? end : null;
}

export interface KeysetHeader {
  app: Pick<App, 'id' | 'name' | 'keyPrefix'>;
  sequence: number;
  issuedAt: Date;
  validDays: number;
}

/** The signed keyset: Ed25519 over the canonical bytes of everything but the signature. */
export function signKeyset(header: KeysetHeader, contents: KeysetContents, signingKey: KeyObject): Keyset {
  const unsigned = {
    format: KEYSET_FORMAT,
    version: KEYSET_VERSION,
    app: { id: header.app.id, name: header.app.name, prefix: header.app.keyPrefix },
    sequence: header.sequence,
    issuedAt: header.issuedAt.toISOString(),
    validUntil: new Date(header.issuedAt.getTime() + header.validDays * DAY_MS).toISOString(),
    keys: contents.keys,
    revoked: contents.revoked,
    // Only when a key is disabled: a keyset without one keeps the exact shape it had before the field.
    ...(contents.disabled.length > 0 ? { disabled: contents.disabled } : {}),
  } as const;
  const value = sign(null, keysetSigningBytes(unsigned), signingKey).toString('base64url');
  return { ...unsigned, signature: { alg: 'Ed25519', value } };
}
