/**
 * Last line of defence for logs: masks anything shaped like a Keyhaven key or a long opaque token.
 * Code should never put a secret into an error in the first place; this catches the mistake.
 */
const KEY_LIKE = /\b[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\.[0-9A-Za-z]{6,}/g;
const TOKEN_LIKE = /[0-9A-Za-z+/_=-]{24,}/g;

export function redact(text: string): string {
  return text.replace(KEY_LIKE, '[redacted key]').replace(TOKEN_LIKE, '[redacted]');
}
