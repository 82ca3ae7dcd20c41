import { parseKey } from '../../core/keys/key-format';

/** A Keyhaven key found in a text: its public parts and where it starts. The random part is not kept. */
export interface KeyMatch {
  offset: number;
  prefix: string;
  keyId: string;
}

/**
 * The key format's shape (key-format.ts), unanchored. The lookbehind keeps a match from starting
 * inside a longer alphanumeric token (`xpyas_…` is not read as `pyas_…` with a stray `x`); an
 * underscore may precede it, so `API_KEY_pyas_…`-style concatenations are still found. The
 * lookahead rejects a candidate that runs on into more base62 characters: that is a longer token.
 */
const KEY_SHAPE = /(?<![0-9A-Za-z])[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\.[0-9A-Za-z]{38}(?![0-9A-Za-z])/g;

/**
 * Every Keyhaven-shaped key in `text` whose checksum holds. Near-misses (a typo, a look-alike, a
 * placeholder such as `pyas_XXXXXXXX.…`) fail the CRC and are dropped: that keeps false alarms
 * near zero without any lookup.
 */
export function findKeyhavenKeys(text: string): KeyMatch[] {
  const matches: KeyMatch[] = [];
  for (const match of text.matchAll(KEY_SHAPE)) {
    const parsed = parseKey(match[0]);
    if (parsed !== null) matches.push({ offset: match.index, prefix: parsed.prefix, keyId: parsed.keyId });
  }
  return matches;
}
