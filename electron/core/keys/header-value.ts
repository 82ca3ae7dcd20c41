import type { VerifyScheme } from '../../../shared/catalogs/header-schemes';

const API_KEY = /^Api-Key[ \t]+(\S+)[ \t]*$/i;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Takes the key out of a header value exactly as a server would: `x-api-key: <key>`,
 * `Authorization: Api-Key <key>` (atfinity), `Authorization: Bearer <key>` (Extracta, nexos.ai).
 * Null when the value does not have the scheme's shape.
 */
export function keyFromHeader(headerValue: string, scheme: VerifyScheme): string | null {
  const value = headerValue.trim();
  if (value.length === 0) return null;
  switch (scheme) {
    case 'x-api-key':
      return /\s/.test(value) ? null : value;
    case 'api-key':
      return API_KEY.exec(value)?.[1] ?? null;
    case 'bearer':
      return BEARER.exec(value)?.[1] ?? null;
  }
}
