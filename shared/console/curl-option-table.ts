/**
 * Every option curl knows, from the `aliases` table of curl 8.22's src/tool_getparam.c (the source of
 * truth for curl's own parser): its long name, its short letter if any, and how curl reads it. The
 * importer looks each word up here, so an option is never misread whatever Keyhaven does with it: a
 * value is always taken as the option's value (`-T report.csv` never makes `report.csv` the URL). A
 * test compares it with `curl --help all` of the curl on the machine.
 *
 * - flag: takes nothing (`--http1.1`)
 * - bool: takes nothing, and `--no-<name>` switches it off (`--no-progress-meter`, `--no-buffer`)
 * - value: takes the next word, or the rest of a short-option cluster (`-XPOST`)
 *
 * `name:x` gives the short letter. The debug-build-only options (--test-event, …) are left out.
 */
export type CurlOptionKind = 'flag' | 'bool' | 'value';

const FLAGS = `
  anyauth dump-ca-embed ftp-pasv http1.0:0 http1.1 http2 http2-prior-knowledge http3 http3-only ipv4:4
  ipv6:6 next:: proxy-tlsv1 sslv2:2 sslv3:3 tlsv1:1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3
`;

const BOOLS = `
  alpn append:a basic buffer:N ca-native cert-status clobber compressed compressed-ssh create-dirs
  crlf digest disable:q disable-eprt disable-epsv disallow-username-in-url doh-cert-status
  doh-insecure eprt epsv fail:f fail-early fail-with-body false-start follow form-escape
  ftp-create-dirs ftp-pret ftp-skip-pasv-ip ftp-ssl ftp-ssl-ccc ftp-ssl-control ftp-ssl-reqd get:G
  globoff:g haproxy-protocol head:I http0.9 ignore-content-length include insecure:k
  junk-session-cookies:j keepalive list-only:l location:L location-trusted mail-rcpt-allowfails
  manual:M metalink mptcp negotiate netrc:n netrc-optional npn ntlm ntlm-wb out-null parallel:Z
  parallel-immediate path-as-is post301 post302 post303 progress-bar:# progress-meter proxy-anyauth
  proxy-basic proxy-ca-native proxy-digest proxy-http2 proxy-http3 proxy-insecure proxy-negotiate
  proxy-ntlm proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxytunnel:p raw remote-header-name:J
  remote-name:O remote-name-all remote-time:R remove-on-error retry-all-errors retry-connrefused
  sasl-ir sessionid show-error:S show-headers:i silent:s skip-existing socks5-basic socks5-gssapi
  socks5-gssapi-nec ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd
  ssl-revoke-best-effort styled-output suppress-connect-headers tcp-fastopen tcp-nodelay
  tftp-no-options tls-earlydata tr-encoding trace-ids trace-time use-ascii:B verbose:v version:V xattr
`;

const VALUES = `
  abstract-unix-socket alt-svc aws-sigv4 cacert capath cert:E cert-type ciphers config:K
  connect-timeout connect-to continue-at:C cookie:b cookie-jar:c create-file-mode crlfile curves
  data:d data-ascii data-binary data-raw data-urlencode delegation dns-interface dns-ipv4-addr
  dns-ipv6-addr dns-servers doh-url dump-header:D ech egd-file engine etag-compare etag-save
  expect100-timeout form:F form-string ftp-account ftp-alternative-to-user ftp-method ftp-port:P
  ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip header:H help:h hostpubmd5 hostpubsha256
  hsts httpsig-algo httpsig-headers httpsig-key httpsig-keyid interface ip-tos ipfs-gateway json
  keepalive-cnt keepalive-time key key-type knownhosts krb krb4 libcurl limit-rate local-port
  login-options mail-auth mail-from mail-rcpt max-filesize max-redirs max-time:m netrc-file noproxy
  oauth2-bearer output:o output-dir parallel-max parallel-max-host pass pinnedpubkey preproxy proto
  proto-default proto-redir proxy:x proxy-cacert proxy-capath proxy-cert proxy-cert-type proxy-ciphers
  proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass proxy-pinnedpubkey proxy-service-name
  proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user:U proxy1.0 pubkey
  quote:Q random-file range:r rate referer:e request:X request-target resolve retry retry-delay
  retry-max-time sasl-authzid service-name sigalgs socks4 socks4a socks5 socks5-gssapi-service
  socks5-hostname speed-limit:Y speed-time:y ssl-sessions stderr telnet-option:t tftp-blksize
  time-cond:z tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii trace-config
  unix-socket upload-file:T upload-flags url url-query user:u user-agent:A variable vlan-priority
  write-out:w
`;

export interface CurlOption {
  /** The long name without dashes: `header`. */
  name: string;
  short: string | null;
  kind: CurlOptionKind;
}

const byLong = new Map<string, CurlOption>();
const byShort = new Map<string, CurlOption>();
for (const [list, kind] of [
  [FLAGS, 'flag'],
  [BOOLS, 'bool'],
  [VALUES, 'value'],
] as const) {
  for (const item of list.trim().split(/\s+/)) {
    const [name = '', short = null] = item.split(/:(?=.$)/);
    const option = { name, short, kind };
    byLong.set(name, option);
    if (short !== null) byShort.set(short, option);
  }
}

/** `--header` → header; `--no-buffer` → buffer (switched off); null for an option curl does not know. */
export function longOption(word: string): { option: CurlOption; negated: boolean } | null {
  const name = word.slice(2);
  const exact = byLong.get(name);
  if (exact) return { option: exact, negated: false };
  const negated = name.startsWith('no-') ? byLong.get(name.slice(3)) : undefined;
  return negated?.kind === 'bool' ? { option: negated, negated: true } : null;
}

export const shortOption = (letter: string): CurlOption | null => byShort.get(letter) ?? null;

/** All of them, for the test against the machine's curl. */
export const allCurlOptions = (): readonly CurlOption[] => [...byLong.values()];
