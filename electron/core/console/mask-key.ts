import { HIDDEN_KEY, maskKey } from '../../../shared/console/key-placement';
import type { ConsoleResponse } from '../../../shared/console/request';
import { CoreError } from '../errors';
import { ConsoleError } from './console-error';

/**
 * Replaces a key in text the console hands back (URLs, response headers and bodies, error messages)
 * with its masked form, in every spelling a request could have given it: as is, percent-encoded and
 * form-encoded. `truncatedTail`: the text was cut at the size cap, so a key cut in two is masked too.
 * `masked`: what replaces it — `pyas_n58l…3kP9` for a key the user typed, all dots for a vault key
 * (not even part of a vault secret goes to the renderer).
 */
export function maskKeyIn(
  text: string,
  key: string,
  truncatedTail = false,
  masked = maskKey(key),
): { text: string; masked: boolean } {
  let out = text;
  let found = false;
  for (const form of keyForms(key)) {
    if (out.includes(form)) {
      out = out.split(form).join(masked);
      found = true;
    }
  }
  if (truncatedTail) {
    for (const form of keyForms(key)) {
      for (let length = Math.min(form.length - 1, out.length); length >= 8; length--) {
        if (out.endsWith(form.slice(0, length))) {
          out = out.slice(0, out.length - length) + masked;
          found = true;
          break;
        }
      }
    }
  }
  return { text: out, masked: found };
}

/** Keys shorter than this are masked as typed only: their encodings would match unrelated text. */
const ENCODED_FORMS_MIN_BYTES = 12;

/**
 * Every spelling of the key a server could echo: as is, percent- and form-encoded, hex (either case),
 * and base64 and base64url — those at the three alignments the key can have inside a longer encoded
 * value (an echoed `Authorization: Basic base64(user:key)`), each cut to the characters that come
 * from the key's bytes alone. Longest first, so a longer form is masked before a part of it.
 */
export function keyForms(key: string): string[] {
  const forms = new Set([key, encodeURIComponent(key), new URLSearchParams([['', key]]).toString().slice(1)]);
  const bytes = Buffer.from(key, 'utf8');
  if (bytes.length >= ENCODED_FORMS_MIN_BYTES) {
    const hex = bytes.toString('hex');
    forms.add(hex).add(hex.toUpperCase());
    for (const core of base64Cores(bytes, 'base64')) forms.add(core);
    for (const core of base64Cores(bytes, 'base64url')) forms.add(core);
  }
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** The base64 characters that depend on the key's bytes only, for the key starting 0, 1 or 2 bytes into a group. */
function base64Cores(bytes: Buffer, encoding: 'base64' | 'base64url'): string[] {
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
    return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
  });
}

export function containsKey(text: string, key: string): boolean {
  return keyForms(key).some((form) => text.includes(form));
}

/** An error whose message quotes the key (a server echoing it): the same error, the key masked. */
export function scrubbed(error: unknown, key: string | null): unknown {
  if (key === null || !(error instanceof CoreError) || !containsKey(error.message, key)) return error;
  const message = maskKeyIn(error.message, key).text;
  return error instanceof ConsoleError ? new ConsoleError(error.reason, message) : new CoreError(error.code, message);
}

export function maskResponse(response: ConsoleResponse, key: { value: string; fromVault: boolean }): ConsoleResponse {
  const replacement = key.fromVault ? HIDDEN_KEY : maskKey(key.value);
  const url = (text: string) => maskKeyIn(text, key.value, false, replacement).text;
  const masked: ConsoleResponse = {
    ...response,
    url: url(response.url),
    redirects: response.redirects.map((hop) => ({ ...hop, url: url(hop.url) })),
  };
  if (!key.fromVault) return masked;
  let found = false;
  const mask = (text: string, tail = false) => {
    const result = maskKeyIn(text, key.value, tail, replacement);
    found ||= result.masked;
    return result.text;
  };
  masked.headers = response.headers.map(([name, value]) => [name, mask(value)]);
  masked.bodyText = mask(response.bodyText, response.truncated);
  return found ? { ...masked, keyMasked: true } : masked;
}
