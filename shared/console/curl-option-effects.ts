/**
 * What each curl option does to the request an imported command sends (issue 16): the importer
 * carries it out, or it leaves the request's bytes alone (how curl prints, saves, retries, times out,
 * verifies TLS or handles protocols other than HTTP), or it changes the request in a way the console
 * does not reproduce, and the import is refused naming it. There is no fourth case: an option
 * missing from both lists below refuses the import, so a new curl option can never slip through as a
 * silent difference.
 */

/** Options curl-import.ts carries out itself (its `applyOption`). */
export const CARRIED = new Set([
  'request',
  'url',
  'header',
  'data',
  'data-ascii',
  'data-binary',
  'data-raw',
  'data-urlencode',
  'json',
  'user',
  'basic',
  'user-agent',
  'referer',
  'cookie',
  'oauth2-bearer',
  'get',
  'head',
  'max-time',
  'url-query',
  'form',
  'form-string',
  'range',
  'compressed',
  'globoff',
  'next',
  'location',
  'follow',
  'insecure',
  'proxy',
]);

/** Options that do not change the request the server receives (the first one: redirects aside). */
const HARMLESS_WORDS = `
  silent show-error verbose progress-bar progress-meter output output-dir remote-name remote-name-all
  remote-header-name remote-time create-dirs create-file-mode dump-header write-out trace trace-ascii
  trace-time trace-ids trace-config stderr styled-output show-headers include fail fail-early
  fail-with-body buffer libcurl xattr clobber remove-on-error skip-existing out-null disable
  connect-timeout retry retry-delay retry-max-time retry-all-errors retry-connrefused speed-limit
  speed-time limit-rate max-filesize expect100-timeout keepalive keepalive-time keepalive-cnt
  happy-eyeballs-timeout-ms tcp-nodelay tcp-fastopen rate parallel parallel-immediate parallel-max
  parallel-max-host max-redirs location-trusted post301 post302 post303 ignore-content-length raw
  http0.9 http1.1 ipv4 ipv6 interface local-port dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers
  doh-url doh-insecure doh-cert-status ip-tos vlan-priority mptcp noproxy preproxy proxytunnel
  proxy-user proxy-anyauth proxy-basic proxy-digest proxy-negotiate proxy-ntlm proxy-header proxy-http2
  proxy-http3 proxy1.0 socks4 socks4a socks5 socks5-hostname socks5-basic socks5-gssapi
  socks5-gssapi-nec socks5-gssapi-service proxy-service-name proxy-insecure proxy-cacert proxy-capath
  proxy-cert proxy-cert-type proxy-ciphers proxy-crlfile proxy-key proxy-key-type proxy-pass
  proxy-pinnedpubkey proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-tlsv1
  proxy-ca-native proxy-ssl-allow-beast proxy-ssl-auto-client-cert cacert capath ca-native cert-status
  ciphers tls13-ciphers curves sigalgs crlfile pinnedpubkey tls-max tlsv1 tlsv1.0 tlsv1.1 tlsv1.2
  tlsv1.3 sslv2 sslv3 ssl-allow-beast ssl-no-revoke ssl-revoke-best-effort ssl-auto-client-cert
  ssl-sessions tls-earlydata false-start alpn npn sessionid ech egd-file random-file engine key
  key-type pass cert-type hostpubmd5 hostpubsha256 pubkey knownhosts compressed-ssh ssl ssl-reqd
  ftp-ssl ftp-ssl-reqd ftp-ssl-control ftp-ssl-ccc ftp-ssl-ccc-mode ftp-account
  ftp-alternative-to-user ftp-create-dirs ftp-method ftp-pasv ftp-port ftp-pret ftp-skip-pasv-ip
  disable-eprt disable-epsv eprt epsv list-only append use-ascii quote crlf mail-auth mail-from
  mail-rcpt mail-rcpt-allowfails sasl-authzid sasl-ir login-options telnet-option tftp-blksize
  tftp-no-options krb krb4 delegation service-name cookie-jar junk-session-cookies etag-save alt-svc
  hsts proto proto-default proto-redir disallow-username-in-url suppress-connect-headers metalink
  ipfs-gateway
`;
export const HARMLESS = new Set(HARMLESS_WORDS.trim().split(/\s+/));

/** Why an option that changes the request is refused, for those that need more than its name. */
const REASONS: Record<string, string> = {
  'form-escape': 'it changes how a multipart body is written',
  'upload-file': 'it uploads a file, which cannot be imported; set the body in the console',
  'upload-flags': 'it changes an upload (-T), which cannot be imported either',
  config: 'it reads more options from a file',
  netrc: 'it reads a user name and password from .netrc',
  'netrc-file': 'it reads a user name and password from a netrc file',
  'netrc-optional': 'it reads a user name and password from .netrc',
  variable: 'curl variables (--variable, --expand-…) are not imported',
  resolve: 'it sends the request to another address than the host’s own, and the console would not',
  'connect-to': 'it sends the request to another host or port than the URL’s, and the console would not',
  'unix-socket': 'it sends the request over a Unix socket',
  'abstract-unix-socket': 'it sends the request over a Unix socket',
  cert: 'it authenticates with a client certificate, which the console does not send',
  tlsuser: 'it authenticates with TLS-SRP',
  tlspassword: 'it authenticates with TLS-SRP',
  tlsauthtype: 'it authenticates with TLS-SRP',
  digest: 'Digest authentication answers a challenge from the server; the console sends Basic only',
  ntlm: 'NTLM authentication is not supported by the console',
  'ntlm-wb': 'NTLM authentication is not supported by the console',
  negotiate: 'Negotiate (Kerberos) authentication is not supported by the console',
  anyauth: 'curl would first send the request without credentials and then pick a method',
  'aws-sigv4': 'AWS Signature V4 signs each request; the console does not sign',
  'httpsig-algo': 'HTTP message signatures are not supported by the console',
  'httpsig-headers': 'HTTP message signatures are not supported by the console',
  'httpsig-key': 'HTTP message signatures are not supported by the console',
  'httpsig-keyid': 'HTTP message signatures are not supported by the console',
  'http1.0': 'the console sends HTTP/1.1',
  http2: 'the console sends HTTP/1.1 (curl would ask to upgrade to HTTP/2)',
  'http2-prior-knowledge': 'the console sends HTTP/1.1',
  http3: 'the console sends HTTP/1.1',
  'http3-only': 'the console sends HTTP/1.1',
  'time-cond': 'it adds an If-Modified-Since condition; add that header in the console instead',
  'continue-at': 'it resumes a transfer with a Range computed from a file',
  'etag-compare': 'it adds an If-None-Match read from a file',
  'request-target': 'it sends another request target than the URL’s path',
  'tr-encoding': 'it asks for a compressed transfer encoding (TE), which the console does not',
  'haproxy-protocol': 'it sends a PROXY protocol header before the request',
  'haproxy-clientip': 'it sends a PROXY protocol header before the request',
  'path-as-is': 'the console normalizes /./ and /../ in the path, as browsers do',
  help: 'curl --help prints help and sends no request',
  manual: 'curl --manual prints the manual and sends no request',
  version: 'curl --version prints its version and sends no request',
  'dump-ca-embed': 'it prints certificates and sends no request',
  'request-mode': 'the console does not send requests that way',
};

/** The refusal for an option that changes the request: `-T (--upload-file): it uploads a file…`. */
export function changesRequest(name: string, spelled: string): string {
  const reason = REASONS[name] ?? 'it changes the request in a way the console does not reproduce';
  const label = spelled === `--${name}` ? spelled : `${spelled} (--${name})`;
  return `This command cannot be imported as curl would send it: ${label}: ${reason}.`;
}
