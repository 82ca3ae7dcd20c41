import { EXPIRATION_PRESET_IDS, type ExpirationPresetId } from '../../../shared/catalogs/expirations';
import type { Expiration } from '../../../shared/domain/expiration';
import { CliError } from '../cli-error';

/** `--expires`: a preset (1h 12h 1d 5d 1y), `never`, or an ISO date in the future. */
export function parseExpires(text: string, now: Date): Expiration {
  if (text === 'never') return { kind: 'never' };
  if ((EXPIRATION_PRESET_IDS as readonly string[]).includes(text))
    return { kind: 'preset', preset: text as ExpirationPresetId };
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new CliError(
      'USAGE',
      `--expires takes 1h, 12h, 1d, 5d, 1y, never or an ISO date (2027-01-31), not "${text.slice(0, 40)}".`,
    );
  if (at.getTime() <= now.getTime()) throw new CliError('USAGE', '--expires: that date is already past.');
  return { kind: 'custom', at: at.toISOString() };
}
