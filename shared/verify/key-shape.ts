/**
 * The shape of a Keyhaven key, checked without Node (Web platform only), for the verifier a service
 * copies in: `<prefix>_<keyId 8>.<random 32><checksum 6>`, the checksum a CRC-32 of everything before
 * it in 6 base62 digits (electron/core/keys/key-format.ts makes them; tests check both agree). A typo
 * or a look-alike string is refused here, before any lookup or hashing.
 */
const KEY_PATTERN = /^([a-z][a-z0-9]{0,15})_([0-9A-Za-z]{8})\.[0-9A-Za-z]{38}$/;
const CHECKSUM_LENGTH = 6;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of a string's UTF-8 bytes; a key is ASCII, so its characters are its bytes. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function decodeBase62(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) return -1;
    value = value * 62 + digit;
  }
  return value;
}

export interface KeyParts {
  prefix: string;
  keyId: string;
  /** The whole key, as presented (what the digest is computed over). */
  full: string;
}

/** The parts of a well-formed Keyhaven key whose checksum holds, or null. No lookup, no hashing. */
export function parseKeyhavenKey(candidate: string): KeyParts | null {
  if (candidate.length > 80) return null;
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return null;
  const at = candidate.length - CHECKSUM_LENGTH;
  if (decodeBase62(candidate.slice(at)) !== crc32(candidate.slice(0, at))) return null;
  return { prefix: match[1] as string, keyId: match[2] as string, full: candidate };
}

/**
 * The key in what a client sent: the key itself, or an `Authorization` value with `Bearer` or
 * `Api-Key` (any case), as the local test API reads them. Null when there is nothing to read.
 */
export function keyFromPresented(presented: string | null | undefined): string | null {
  const value = presented?.trim() ?? '';
  if (value === '') return null;
  const scheme = /^(bearer|api-key)\s+(\S+)$/i.exec(value);
  return scheme ? (scheme[2] as string) : value;
}
