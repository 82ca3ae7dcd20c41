import type { HeaderScheme } from '../catalogs/service-presets';

export interface PastedKey {
  /** The scheme the pasted text named, or null when it was a bare key. */
  scheme: HeaderScheme | null;
  key: string;
}

// A curl `-H`/`--header` argument, quoted or not; a curl line may carry several (Content-Type first).
const CURL_HEADER = /(?:^|\s)(?:-H|--header)(?:\s+|=)(?:(['"])(.*?)\1|(\S+))/gis;
const QUOTES = /^(['"`])(.*)\1$/s;

/**
 * Splits a pasted value into scheme and key when it carries its header, as people copy it from API
 * docs or a curl line: `Authorization: Bearer X`, `Authorization: Api-Key X`, `x-api-key: X`, any
 * case, with surrounding whitespace, quotes or `-H '…'`. Anything else is kept as the raw value
 * (trimmed): a key is never guessed out of text that does not clearly name its scheme.
 */
export function parsePastedKey(input: string): PastedKey {
  const raw = input.trim();
  const curlHeaders = [...raw.matchAll(CURL_HEADER)].map((match) => match[2] ?? match[3] ?? '');
  for (const text of curlHeaders.length > 0 ? curlHeaders : [unquote(raw)]) {
    const found = parseHeader(text.trim());
    if (found) return found;
  }
  return { scheme: null, key: unquote(raw) };
}

function parseHeader(text: string): PastedKey | null {
  const header = /^([A-Za-z0-9-]+)\s*:\s*(.+)$/s.exec(text);
  if (header) {
    const name = header[1]!.toLowerCase();
    const value = unquote(header[2]!.trim());
    if (name === 'x-api-key' && isToken(value)) return { scheme: { kind: 'x-api-key' }, key: value };
    if (name === 'authorization') {
      const auth = /^(bearer|api-key)\s+(\S+)$/i.exec(value);
      if (auth) {
        const kind = auth[1]!.toLowerCase() === 'bearer' ? 'bearer' : 'api-key';
        return { scheme: { kind }, key: auth[2]! };
      }
    }
  }
  return null;
}

function unquote(text: string): string {
  const match = QUOTES.exec(text.trim());
  return match ? match[2]!.trim() : text.trim();
}

/** A key value is one run of non-space characters; anything else is not split. */
function isToken(value: string): boolean {
  return /^\S+$/.test(value);
}
