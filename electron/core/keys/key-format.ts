import { crc32 } from 'node:zlib';
import { decodeBase62, encodeBase62, randomBase62 } from './base62';

/**
 * Keyhaven's issued-key format (DESIGN.md §5):
 *
 *     <appPrefix>_<keyId>.<random><checksum>
 *     pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9
 *
 * - appPrefix: the app's prefix, lowercase, so a leaked key says where it belongs and scanners match it.
 * - keyId: 8 base62 chars, public, the lookup handle shown in tables (`pyas_n58lZyBi…`).
 * - random: 32 base62 chars from a CSPRNG = 190.5 bits.
 * - checksum: CRC32 of everything before it, 6 base62 chars, so a typo or look-alike string is
 *   rejected without a lookup (as GitHub's tokens do). It is not a MAC: the HMAC at rest is.
 */
export const KEY_ID_LENGTH = 8;
export const RANDOM_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;

const KEY_PATTERN = /^([a-z][a-z0-9]{0,15})_([0-9A-Za-z]{8})\.([0-9A-Za-z]{38})$/;

export interface ParsedKey {
  prefix: string;
  keyId: string;
  /** The whole key as presented, for hashing. */
  full: string;
}

export function checksumOf(body: string): string {
  return encodeBase62(crc32(body), CHECKSUM_LENGTH);
}

export function newKeyId(): string {
  return randomBase62(KEY_ID_LENGTH);
}

export function formatKey(prefix: string, keyId: string, random: string = randomBase62(RANDOM_LENGTH)): string {
  const body = `${prefix}_${keyId}.${random}`;
  return body + checksumOf(body);
}

/** The parts of a well-formed key with a valid checksum, or null. Does no lookup and no hashing. */
export function parseKey(candidate: string): ParsedKey | null {
  if (candidate.length > 80) return null;
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;
  // Compared as numbers: no string is built on the verification hot path.
  const at = candidate.length - CHECKSUM_LENGTH;
  if (decodeBase62(candidate, at, CHECKSUM_LENGTH) !== crc32(candidate.slice(0, at))) return null;
  return { prefix: match[1] as string, keyId: match[2] as string, full: candidate };
}
