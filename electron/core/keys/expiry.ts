import { presetExpiry } from '../../../shared/catalogs/expirations';
import type { Expiration } from '../../../shared/domain/expiration';
import { CoreError } from '../errors';

/** The expiry instant of a key issued (or re-issued by rotation) at `now`, or null for Never. */
export function expiresAtFor(expiration: Expiration, now: Date): string | null {
  switch (expiration.kind) {
    case 'never':
      return null;
    case 'preset':
      return presetExpiry(expiration.preset, now).toISOString();
    case 'custom': {
      const at = new Date(expiration.at);
      if (at.getTime() <= now.getTime()) {
        throw new CoreError('INVALID_INPUT', 'The expiration date and time must be in the future.');
      }
      return at.toISOString();
    }
  }
}
