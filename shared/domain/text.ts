import { z } from 'zod';

// Control characters (other than none) make names unreadable in tables and can spoof terminal output
// when keys are listed from the command line later.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Characters that draw nothing or change the direction of what follows: in a name they let one entry
 * pose as another ("Pyas\u202Eyek" shows reversed; "Py\u200Bas" looks like "Pyas" yet differs). The
 * joiners are allowed only where writing needs them: ZWJ inside an emoji sequence, ZWNJ between two
 * letters of a script other than Latin, Greek or Cyrillic (Persian and Indic text). A lone surrogate
 * is half a character, and no text.
 */
const INVISIBLE = new RegExp(
  // Combining marks among them on purpose: none of these draws anything on its own.
  // eslint-disable-next-line no-misleading-character-class
  '[\\u00AD\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\u3164\\uFEFF\\uFFA0]',
  'u',
);
const LONE_SURROGATE = /\p{Cs}/u;
// With skin tones and the emoji variation selector, which end an emoji before a joiner.
// eslint-disable-next-line no-misleading-character-class
const PICTOGRAPH = new RegExp('[\\p{Extended_Pictographic}\\u{1F3FB}-\\u{1F3FF}\\uFE0F]', 'u');
const CONFUSABLE_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;
const LETTER = /\p{L}/u;

export function hasHiddenCharacters(text: string): boolean {
  if (INVISIBLE.test(text) || LONE_SURROGATE.test(text)) return true;
  const chars = [...text];
  return chars.some((char, at) => {
    const before = chars[at - 1] ?? '';
    const after = chars[at + 1] ?? '';
    if (char === '\u200D') return !(PICTOGRAPH.test(before) && PICTOGRAPH.test(after));
    if (char === '\u200C') {
      return !(LETTER.test(before) && LETTER.test(after) && !CONFUSABLE_SCRIPT.test(before + after));
    }
    return false;
  });
}

/** A trimmed, single-line, length-bounded name; `what` names the field in messages ("App name"). */
export function nameSchema(what: string, max: number) {
  return z
    .string({ error: `${what} must be text.` })
    .max(max * 4, { error: `${what} can be at most ${max} characters.` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${what} is required.` })
        .max(max, { error: `${what} can be at most ${max} characters.` })
        .refine((s) => !CONTROL_CHARS.test(s), { error: `${what} cannot contain control characters.` })
        .refine((s) => !hasHiddenCharacters(s), {
          error: `${what} cannot contain invisible or direction-changing characters: they let one name pose as another.`,
        }),
    );
}

/** Optional multi-line free text. */
export function noteSchema(what: string, max: number) {
  return z
    .string({ error: `${what} must be text.` })
    .max(max, { error: `${what} can be at most ${max} characters.` })
    .transform((s) => s.trim());
}

export const idSchema = z.uuid({ error: 'Not a valid identifier.' });
export const isoDateSchema = z.iso.datetime({ offset: true });
