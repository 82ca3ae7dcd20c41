/**
 * The shape of a Keyhaven key, checked without Node (Web platform only), for the verifier a service
 * copies in: `<prefix>_<keyId 8>.<random 32><checksum 6>`, the checksum a CRC-32 of everything before
 * it in 6 base62 digits (electron/core/keys/key-format.ts makes them; tests check both agree). A typo
 * or a look-alike string is refused here, before any lookup or hashing.
 */
const KEY_PATTERN = /^([a-z][a-z0-9]{0,15})_([0-9A-Za-z]{8})\.[0-9A-Za-z]{38}$/;
const CHECKSUM_LENGTH = 6;

// Signed 32-bit entries and running value: optimised code keeps them plain 32-bit integers, where
// unsigned values above 2³¹ would have to be doubles.
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/**
 * CRC-32 (IEEE) of a string's UTF-8 bytes. A key is ASCII, so its characters are its bytes and are
 * read in place: encoding to bytes first took about a third of a whole verification (measured).
 */
export function crc32(text: string): number {
  let crc = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return crc32Bytes(new TextEncoder().encode(text));
    crc = (CRC_TABLE[(crc ^ code) & 0xff] as number) ^ (crc >>> 8);
  }
  return ~crc >>> 0;
}

function crc32Bytes(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** The checksum digits of a key, whose shape the pattern has already checked (base62 only). */
function decodeBase62(text: string, from: number): number {
  let value = 0;
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    value = value * 62 + (code <= 57 ? code - 48 : code <= 90 ? code - 55 : code - 61);
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
  if (decodeBase62(candidate, at) !== crc32(candidate.slice(0, at))) return null;
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
