/**
 * The Bech32 checksum (BIP 173), which age recipients carry: checking it catches a mistyped or
 * truncated `age1…` line before a vault key is wrapped to a recipient nobody holds. Only checks;
 * Keyhaven never needs to decode one (typage does that when it encrypts).
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    GENERATOR.forEach((g, i) => {
      if ((top >>> i) & 1) checksum ^= g;
    });
  }
  return checksum >>> 0;
}

/** True when `text` is lower-case Bech32 (not Bech32m) with human-readable part `hrp` and a valid checksum. */
export function hasValidBech32Checksum(text: string, hrp: string): boolean {
  if (!text.startsWith(`${hrp}1`)) return false;
  const data = [...text.slice(hrp.length + 1)].map((c) => CHARSET.indexOf(c));
  if (data.length < 6 || data.some((v) => v < 0)) return false;
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  return polymod([...expanded, ...data]) === 1;
}

/** The bytes a Bech32 string carries (checksum checked, case-insensitive as Bech32 allows), or null. */
export function decodeBech32(text: string, hrp: string): Uint8Array | null {
  const lower = text.toLowerCase();
  if (!hasValidBech32Checksum(lower, hrp.toLowerCase())) return null;
  const groups = [...lower.slice(hrp.length + 1, -6)].map((c) => CHARSET.indexOf(c));
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const group of groups) {
    buffer = (buffer << 5) | group;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  // Leftover bits are padding: fewer than 5 of them, all zero, or this is not what an encoder wrote.
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(bytes);
}
