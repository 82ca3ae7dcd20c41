/**
 * Last line of defence for logs: masks anything shaped like a Keyhaven key or a long opaque token.
 * Code should never put a secret into an error in the first place; this catches the mistake.
 *
 * A token run may hold slashes (base64), so a file path is a run too; it is kept when it reads like
 * one: no `+` or `=`, and every part of every segment (split at `/`, `-`, `_`) either short or a word
 * (`Keyhaven`, `keyhaven`, `node`, `AppData`). A secret's random segments are long and mixed.
 */
const KEY_LIKE = /\b[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\.[0-9A-Za-z]{6,}/g;
const TOKEN_LIKE = /[0-9A-Za-z+/_=-]{24,}/g;
const WORD = /^(?:[A-Z]?[a-z]+|[A-Z]+|[A-Z][a-z]+(?:[A-Z][a-z]+)+)$/;
const SHORT_PART = 8;

export function redact(text: string): string {
  return text
    .replace(KEY_LIKE, '[redacted key]')
    .replace(TOKEN_LIKE, (run) => (readsLikePath(run) ? run : '[redacted]'));
}

function readsLikePath(run: string): boolean {
  if (!run.includes('/') || /[+=]/.test(run)) return false;
  return run
    .split('/')
    .every((segment) => segment.split(/[-_]/).every((part) => part.length <= SHORT_PART || WORD.test(part)));
}
