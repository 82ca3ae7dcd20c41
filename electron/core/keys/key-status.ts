import type { KeyStatus } from '../../../shared/domain/issued-key';
import type { IssuedKeyRecord } from '../db/schema';

export const EXPIRING_SOON_MS = 7 * 24 * 60 * 60 * 1000;

type StatusFields = Pick<IssuedKeyRecord, 'revokedAt' | 'replacedById' | 'expiresAt'>;

/** A key's status is derived from its record and the clock, never stored (DESIGN.md §5). */
export function statusOf(key: StatusFields, now: Date): KeyStatus {
  if (key.revokedAt !== null) return 'revoked';
  if (key.replacedById !== null) return 'rotated';
  if (key.expiresAt === null) return 'active';
  const left = Date.parse(key.expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left <= EXPIRING_SOON_MS ? 'expiring_soon' : 'active';
}

/** Can still be rotated or revoked by the user. */
export const isLive = (status: KeyStatus): boolean => status === 'active' || status === 'expiring_soon';
