/**
 * An entry's "allowed hosts" (shared/domain/vault.ts): `api.example.com`, `*.example.com`,
 * `localhost:8443`, `10.0.0.5`. Shared so the console can warn before Send; main enforces it.
 *
 * - `api.example.com` matches that host on any port.
 * - `*.example.com` matches any subdomain at any depth (`a.example.com`, `a.b.example.com`) but not
 *   `example.com` itself: list both when both are meant.
 * - `localhost:8443` (a port given) matches that host on that port only; a URL without a port has its
 *   scheme's default port (443 or 80).
 * Host names compare case-insensitively and without a trailing dot; an empty list allows every host.
 */
export function hostAllowed(allowedHosts: readonly string[], url: URL): boolean {
  if (allowedHosts.length === 0) return true;
  const host = normalizeHost(url.hostname);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowedHosts.some((pattern) => matches(pattern.trim().toLowerCase(), host, port));
}

function normalizeHost(hostname: string): string {
  const lower = hostname.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

function matches(pattern: string, host: string, port: string): boolean {
  if (pattern === '') return false;
  const colon = pattern.lastIndexOf(':');
  const hasPort = colon > 0 && /^\d{1,5}$/.test(pattern.slice(colon + 1)) && !pattern.slice(0, colon).includes(':');
  const patternHost = normalizeHost(hasPort ? pattern.slice(0, colon) : pattern);
  if (hasPort && pattern.slice(colon + 1) !== port) return false;
  if (patternHost.startsWith('*.')) {
    const suffix = patternHost.slice(1); // ".example.com"
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return host === patternHost;
}
