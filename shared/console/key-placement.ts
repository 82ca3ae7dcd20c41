import type { HeaderScheme } from '../catalogs/service-presets';

/**
 * Where a key goes for each header scheme (DESIGN.md §5): the one definition used by main when it
 * injects the key, by snippets, and by the console's "the key will be sent as …" line (masked).
 */
export type KeyPlacement =
  { kind: 'header'; name: string; value: string } | { kind: 'query'; name: string; value: string };

export const QUERY_KEY_WARNING =
  'Keys in URLs leak into server logs, proxies, browser history and Referer headers. Prefer a header when the API accepts one.';

/** Stands for a key the renderer does not hold (a vault entry's): main fills it in. */
export const HIDDEN_KEY = '••••••••';

/** The header or query parameter that carries `key` under `scheme`. */
export function keyPlacement(scheme: HeaderScheme, key: string): KeyPlacement {
  switch (scheme.kind) {
    case 'x-api-key':
      return { kind: 'header', name: 'x-api-key', value: key };
    case 'api-key':
      return { kind: 'header', name: 'Authorization', value: `Api-Key ${key}` };
    case 'bearer':
      return { kind: 'header', name: 'Authorization', value: `Bearer ${key}` };
    case 'header':
      return { kind: 'header', name: scheme.name, value: key };
    case 'query':
      return { kind: 'query', name: scheme.name, value: key };
  }
}

/**
 * `pyas_n58l…Zch0`: enough of both ends to recognise a key, never more than a quarter of it at the
 * start and an eighth at the end; short keys are hidden entirely.
 */
export function maskKey(key: string): string {
  if (key.length < 12) return HIDDEN_KEY;
  const head = Math.min(9, Math.floor(key.length / 4));
  const tail = Math.min(4, Math.floor(key.length / 8));
  return `${key.slice(0, head)}…${key.slice(key.length - tail)}`;
}

/**
 * What the console shows under Authentication: `x-api-key: pyas_n58l…Zch0`,
 * `Authorization: Bearer ••••••••`, `?api_key=pyas_n58l…Zch0` (with QUERY_KEY_WARNING).
 * `key` null: a vault entry's key, which only main sees.
 */
export function describePlacement(
  scheme: HeaderScheme,
  key: string | null,
): {
  placement: KeyPlacement;
  line: string;
  warning: string | null;
} {
  const placement = keyPlacement(scheme, key === null ? HIDDEN_KEY : maskKey(key));
  const line =
    placement.kind === 'header' ? `${placement.name}: ${placement.value}` : `?${placement.name}=${placement.value}`;
  return { placement, line, warning: placement.kind === 'query' ? QUERY_KEY_WARNING : null };
}

/** Header names that carry credentials: their values are never kept in history. */
export const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-api-token',
  'x-access-token',
  'cookie',
] as const;

export function isCredentialHeader(name: string, scheme?: HeaderScheme | null): boolean {
  const lower = name.toLowerCase();
  if (scheme?.kind === 'header' && scheme.name.toLowerCase() === lower) return true;
  return (CREDENTIAL_HEADERS as readonly string[]).includes(lower);
}

/** Shown when "Include the key" is ticked. Here, not in snippets.ts, so the renderer need not bundle the generator. */
export const INCLUDE_KEY_WARNING =
  'The snippet contains the key in clear. Anyone who sees it (chat, tickets, shell history, screenshots) can use the key.';
