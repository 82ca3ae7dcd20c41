import type { KeyStatus } from '../../../shared/domain/issued-key';
import type { IssuedKeyRecord } from '../db/schema';

export const EXPIRING_SOON_MS = 7 * 24 * 60 * 60 * 1000;

type StatusFields = Pick<IssuedKeyRecord, 'revokedAt' | 'replacedById' | 'expiresAt' | 'disabledAt'>;

/** A key's status is derived from its record and the clock, never stored (DESIGN.md §5). */
export function statusOf(key: StatusFields, now: Date): KeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  if (key.replacedById !== null) return 'rotated';
  const left = key.expiresAt === null ? Infinity : Date.parse(key.expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  if (key.disabledAt !== null) return 'disabled';
  return left <= EXPIRING_SOON_MS ? 'expiring_soon' : 'active';
}

/** Can still be rotated or revoked by the user. */
export const isLive = (status: KeyStatus): boolean => status === 'active' || status === 'expiring_soon';

/**
 * Works now or may work again: live, disabled (enabling brings it back), or rotated and still in its
 * grace period. An app with such a key cannot be deleted.
 */
export function mayStillWork(key: StatusFields & Pick<IssuedKeyRecord, 'graceEndsAt'>, now: Date): boolean {
  const status = statusOf(key, now);
  if (status === 'rotated') return key.graceEndsAt !== null && Date.parse(key.graceEndsAt) > now.getTime();
  return isLive(status) || status === 'disabled';
}
