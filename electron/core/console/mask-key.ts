import { maskKey } from '../../../shared/console/key-placement';

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

export function keyForms(key: string): string[] {
  const forms = new Set([key, encodeURIComponent(key), new URLSearchParams([['', key]]).toString().slice(1)]);
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

export function containsKey(text: string, key: string): boolean {
  return keyForms(key).some((form) => text.includes(form));
}
