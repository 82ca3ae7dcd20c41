/**
 * DNS rebinding and cross-site requests. The server listens on 127.0.0.1 only, but a web page can still
 * reach it: through a hostname the attacker re-points at 127.0.0.1 (the Host header then names the
 * attacker's host), or directly from a browser tab on another site (the browser sends that site's
 * Origin, or `Sec-Fetch-Site: cross-site` on requests without one, such as an <img>). Only loopback
 * names with our own port are accepted.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export interface LoopbackGuard {
  /** The Host header names this server on a loopback name. A missing Host is refused. */
  hostAllowed(host: string | undefined): boolean;
  /** No Origin, or our own origin; and not a browser request marked as coming from another site. */
  originAllowed(origin: string | undefined, secFetchSite: string | undefined): boolean;
}

export function loopbackGuard(port: number): LoopbackGuard {
  // Port 80 is the scheme's default, which clients leave out of Host and Origin.
  const authorities = LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [`${name}:80`, name] : [`${name}:${port}`]));
  const hosts = new Set(authorities);
  const origins = new Set(authorities.map((authority) => `http://${authority}`));
  return {
    hostAllowed: (host) => host !== undefined && hosts.has(host.toLowerCase()),
    originAllowed: (origin, secFetchSite) => {
      if (origin !== undefined && !origins.has(origin.toLowerCase())) return false;
      // A page on localhost:3000 is "same-site" with us (sites ignore ports): still another origin.
      return secFetchSite !== 'cross-site' && secFetchSite !== 'same-site';
    },
  };
}
