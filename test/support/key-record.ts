import { randomUUID } from 'node:crypto';
import type { IssuedKeyRecord } from '../../electron/core/db/schema';

type Required = Pick<IssuedKeyRecord, 'appId' | 'prefix' | 'keyId' | 'hash'>;

/**
 * A stored key record with neutral defaults (never expires, read:items, unused), for tests and benches
 * that insert many keys in one commit instead of generating them one durable write at a time.
 */
export function keyRecord(fields: Required & Partial<IssuedKeyRecord>): IssuedKeyRecord {
  return {
    id: randomUUID(),
    name: 'Key',
    note: '',
    hashVersion: 1,
    scopes: ['read:items'],
    createdAt: new Date().toISOString(),
    expiration: { kind: 'never' },
    expiresAt: null,
    revokedAt: null,
    disabledAt: null,
    lastUsedAt: null,
    useCount: 0,
    replacesId: null,
    replacedById: null,
    graceEndsAt: null,
    remindersSent: [],
    seal: null, // sealed by the commit that inserts it (keys/key-seal.ts)
    ...fields,
  };
}
