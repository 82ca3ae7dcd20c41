import { z } from 'zod';

// Control characters (other than none) make names unreadable in tables and can spoof terminal output
// when keys are listed from the command line later.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

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
        .refine((s) => !CONTROL_CHARS.test(s), { error: `${what} cannot contain control characters.` }),
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
