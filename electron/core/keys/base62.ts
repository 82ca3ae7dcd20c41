import { randomBytes } from 'node:crypto';

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * `length` characters drawn uniformly from BASE62 with a CSPRNG. Bytes ≥ 248 are rejected so that
 * `byte % 62` has no bias (248 = 4 × 62).
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A non-negative integer below 62^width as exactly `width` base62 digits, zero-padded. */
export function encodeBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i += 1) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE62.length; i += 1) DIGIT[BASE62.charCodeAt(i)] = i;

/** The value of `width` base62 digits of `text` starting at `from`, or -1 if any is not a digit. */
export function decodeBase62(text: string, from: number, width: number): number {
  let value = 0;
  for (let i = from; i < from + width; i += 1) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (DIGIT[code] as number) : -1;
    if (digit < 0) return -1;
    value = value * 62 + digit;
  }
  return value;
}
