import { ConsoleError } from './console-error';

/** Hosts for which a self-signed certificate may be accepted, when the request asks for it. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1']);

/** A failed request, as a ConsoleError that says what happened and to which host, never with the key. */
export function requestProblem(error: unknown): ConsoleError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') {
    return new ConsoleError('BAD_REQUEST', 'A header name or value has a character HTTP does not allow.');
  }
  return new ConsoleError('BAD_REQUEST', 'This request could not be sent.');
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH|ALTNAME/;

export function networkProblem(error: NodeJS.ErrnoException, url: URL, allowSelfSigned: boolean): ConsoleError {
  const code = error.code ?? '';
  const host = url.host;
  if (TLS_CODES.test(code)) {
    const selfSigned = /SELF_SIGNED|UNABLE_TO_VERIFY_LEAF|UNABLE_TO_GET_ISSUER/.test(code);
    const local = LOOPBACK_HOSTS.has(url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase());
    const hint = !selfSigned
      ? ''
      : local && !allowSelfSigned
        ? ' For a local server, tick "Accept a self-signed certificate (localhost only)".'
        : local
          ? ''
          : ' Self-signed certificates are accepted only for localhost, 127.0.0.1 and ::1.';
    return new ConsoleError('TLS', `The TLS certificate of ${host} was not accepted (${code}).${hint}`);
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConsoleError('NETWORK', `The host ${url.hostname} could not be found.`);
    case 'ECONNREFUSED':
      return new ConsoleError('NETWORK', `${host} refused the connection (is the server running?).`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new ConsoleError('NETWORK', `${host} closed the connection.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ConsoleError('NETWORK', `${host} cannot be reached from this network.`);
    case 'HPE_HEADER_OVERFLOW':
      return new ConsoleError('NETWORK', `The response headers from ${host} were too large.`);
    default:
      return new ConsoleError('NETWORK', `The request to ${host} failed${code ? ` (${code})` : ''}.`);
  }
}
