/**
 * How a key travels in a request (DESIGN.md §5). Verification accepts the first three: the raw header
 * value is given with its scheme, and the key is taken out of it exactly as a server would.
 */
export const VERIFY_SCHEMES = [
  { id: 'x-api-key', label: 'X-API-Key', header: 'x-api-key', valuePrefix: '', seenIn: 'Pyas, Cerby' },
  { id: 'api-key', label: 'Api-Key', header: 'Authorization', valuePrefix: 'Api-Key ', seenIn: 'atfinity' },
  { id: 'bearer', label: 'Bearer', header: 'Authorization', valuePrefix: 'Bearer ', seenIn: 'Extracta, nexos.ai' },
] as const;

export type VerifyScheme = (typeof VERIFY_SCHEMES)[number]['id'];
export const VERIFY_SCHEME_IDS = VERIFY_SCHEMES.map((s) => s.id) as [VerifyScheme, ...VerifyScheme[]];

const schemeById = (id: VerifyScheme) => VERIFY_SCHEMES.find((s) => s.id === id) ?? VERIFY_SCHEMES[0];

/** The line a client sends: `x-api-key: K`, `Authorization: Api-Key K`, `Authorization: Bearer K`. */
export function verifyHeaderLine(scheme: VerifyScheme, key: string): string {
  const s = schemeById(scheme);
  return `${s.header}: ${s.valuePrefix}${key}`;
}

/** What "Check a key" sends, read from what was pasted; `fromLine`: the text named its own scheme. */
export type ReadHeaderLine =
  { ok: true; scheme: VerifyScheme; headerValue: string; fromLine: boolean } | { ok: false; message: string };

// An HTTP header name, then its value; quotes as docs print them (atfinity's example is in ’…’).
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:[ \t]*(.*)$/s;
const QUOTED = /^['"`‘’“”](.*)['"`‘’“”]$/s;

/** `Api-Key K` / `Bearer K`: the value starts with the scheme's word, any case, then blanks. */
function startsWithSchemeWord(value: string, valuePrefix: string): boolean {
  const word = valuePrefix.trim().toLowerCase();
  return value.toLowerCase().startsWith(word) && /^[ \t]/.test(value.slice(word.length));
}

/**
 * Reads a pasted key the way Check a key takes it: the whole header line (`x-api-key: K`,
 * `Authorization: Api-Key K`, `Authorization: Bearer K`, any case, quoted or not), an Authorization
 * value without its name (`Bearer K`), or the bare key, sent with `bareScheme`. The value is passed on
 * as found, so verification judges its shape exactly as a server would; a line naming another header or
 * another Authorization scheme is refused here with what to send instead. Messages never repeat the text.
 */
export function readHeaderLine(text: string, bareScheme: VerifyScheme): ReadHeaderLine {
  let line = text.trim();
  line = (QUOTED.exec(line)?.[1] ?? line).trim();
  if (line.length === 0) return { ok: false, message: 'Paste the key, or the header line that carries it.' };
  const header = HEADER_LINE.exec(line);
  if (header) {
    const name = header[1]!.toLowerCase();
    const value = header[2]!.trim();
    const candidates = VERIFY_SCHEMES.filter((s) => s.header.toLowerCase() === name);
    if (candidates.length === 0) {
      return { ok: false, message: 'Keyhaven keys are sent in an x-api-key or an Authorization header.' };
    }
    const found = candidates.find((s) => s.valuePrefix === '' || startsWithSchemeWord(value, s.valuePrefix));
    if (!found) return { ok: false, message: 'Authorization takes "Api-Key <key>" or "Bearer <key>".' };
    return { ok: true, scheme: found.id, headerValue: value, fromLine: true };
  }
  const named = VERIFY_SCHEMES.find((s) => s.valuePrefix !== '' && startsWithSchemeWord(line, s.valuePrefix));
  if (named) return { ok: true, scheme: named.id, headerValue: line, fromLine: true };
  return { ok: true, scheme: bareScheme, headerValue: `${schemeById(bareScheme).valuePrefix}${line}`, fromLine: false };
}
