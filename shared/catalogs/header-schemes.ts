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
