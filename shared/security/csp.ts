/**
 * Keyhaven's Content-Security-Policy, defined once. The app:// protocol sends it as a response header
 * with every file of the page (electron/main/app-files.ts), and so does the browser harness; the built
 * index.html also carries it as a <meta> tag (electron/main/security/csp-html-plugin.ts), which is the
 * dev server's only way and a second line everywhere else. Dependency-free so every environment can
 * import it.
 *
 * The page only ever loads its own bundled files: no remote origin, no inline script, no eval.
 */
export type CspPolicy = Readonly<Record<string, readonly string[]>>;

export const APP_CSP: CspPolicy = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Directives a browser ignores when the policy comes from a <meta> tag; Chromium also logs a console
 * error for each, so they are only sent where headers exist (app:// and the harness).
 */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * What Vite's dev server needs on top of APP_CSP, and nothing more: the HMR websocket on loopback,
 * styles injected as <style> tags by Vite's client, and the inline scripts of the dev page (React
 * refresh's preamble), allowed by their hashes rather than 'unsafe-inline'. Never 'unsafe-eval'.
 */
export function devCsp(inlineScriptHashes: readonly string[]): CspPolicy {
  return {
    ...APP_CSP,
    'script-src': [...(APP_CSP['script-src'] ?? []), ...inlineScriptHashes.map((hash) => `'sha256-${hash}'`)],
    'style-src': [...(APP_CSP['style-src'] ?? []), "'unsafe-inline'"],
    'connect-src': [...(APP_CSP['connect-src'] ?? []), 'ws://localhost:*', 'ws://127.0.0.1:*', 'ws://[::1]:*'],
  };
}

/** The policy as an HTTP header value. */
export function cspHeader(policy: CspPolicy = APP_CSP): string {
  return serialize(Object.entries(policy));
}

/** The policy as the content of `<meta http-equiv="Content-Security-Policy">`. */
export function cspMetaContent(policy: CspPolicy = APP_CSP): string {
  return serialize(Object.entries(policy).filter(([directive]) => !HEADER_ONLY.has(directive)));
}

function serialize(entries: Array<[string, readonly string[]]>): string {
  return entries.map(([directive, sources]) => [directive, ...sources].join(' ')).join('; ');
}
