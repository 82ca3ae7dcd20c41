import { UNUSED_AFTER_DAYS, type IssuedKeySummary } from '../../../shared/domain/issued-key';
import type { IssuedKeyRecord } from '../db/schema';
import { isLive, statusOf } from './key-status';

const UNUSED_AFTER_MS = UNUSED_AFTER_DAYS * 24 * 60 * 60 * 1000;

/** A key's public label, as tables and the activity log show it: `pyas_n58lZyBi`. */
export const keyLabel = (key: Pick<IssuedKeyRecord, 'prefix' | 'keyId'>): string => `${key.prefix}_${key.keyId}`;

export function toSummary(key: IssuedKeyRecord, now: Date): IssuedKeySummary {
  const status = statusOf(key, now);
  return {
    id: key.id,
    appId: key.appId,
    name: key.name,
    note: key.note,
    keyPrefix: key.prefix,
    keyId: key.keyId,
    scopes: [...key.scopes],
    createdAt: key.createdAt,
    expiration: { ...key.expiration },
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
    disabledAt: key.disabledAt,
    lastUsedAt: key.lastUsedAt,
    useCount: key.useCount,
    replacesId: key.replacesId,
    replacedById: key.replacedById,
    graceEndsAt: key.graceEndsAt,
    status,
    unused: isLive(status) && now.getTime() - Date.parse(key.lastUsedAt ?? key.createdAt) >= UNUSED_AFTER_MS,
  };
}
