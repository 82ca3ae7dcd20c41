/**
 * Turns a failed Electron download into one sentence a person can act on: what failed, why (offline,
 * refused, not found on the mirror, a checksum that does not match, a certificate a proxy replaced)
 * and what to do. No stack trace: the cause is all a user needs, and the URL is named.
 */
export class ElectronDownloadError extends Error {
  override readonly name = 'ElectronDownloadError';
}

const RETRY = 'then run npm start again';
const CHECKSUM_ERRORS = new Set(['ChecksumMismatchError', 'NoChecksumFoundError', 'ChecksumParseError']);

const NETWORK_CAUSES: Record<string, string> = {
  ENOTFOUND: 'this computer seems to be offline (the server name could not be resolved)',
  EAI_AGAIN: 'this computer seems to be offline (the server name could not be resolved)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the connection was cut off',
  ETIMEDOUT: 'the connection timed out',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the server is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was cut off',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  response?: { status?: unknown; statusText?: unknown; url?: unknown };
}

export function downloadProblem(error: unknown, version: string, source: string): ElectronDownloadError {
  const failed = `Could not download Electron ${version} from ${source}`;
  const e = (error ?? {}) as ErrorLike;

  if (e.name === 'HTTPError' && e.response) {
    const { status, statusText, url } = e.response;
    const hint =
      status === 404
        ? `check that ELECTRON_MIRROR points at a mirror that has Electron ${version}`
        : 'try again later, or set ELECTRON_MIRROR to another mirror';
    return new ElectronDownloadError(
      `${failed}: ${String(url)} answered ${String(status)} ${String(statusText)}. Please ${hint}, ${RETRY}.`,
    );
  }

  // sumchecker's errors keep the name "Error"; their class says what they are.
  const kinds = [typeof e.name === 'string' ? e.name : '', error instanceof Error ? error.constructor.name : ''];
  if (kinds.some((kind) => CHECKSUM_ERRORS.has(kind))) {
    return new ElectronDownloadError(
      `${failed}: the file does not match Electron's published SHA-256 checksum, so it was not used. ` +
        `A proxy or mirror may have altered it; try again or use another mirror, ${RETRY}.`,
    );
  }

  const code = networkCode(error);
  if (code) {
    const reason =
      NETWORK_CAUSES[code] ?? (isCertificateCode(code) ? certificateReason(code) : `a network error (${code})`);
    const proxyHint = isCertificateCode(code)
      ? 'If you are behind a proxy that inspects TLS, set NODE_EXTRA_CA_CERTS to its certificate'
      : 'Check your internet connection (behind a proxy: set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; or set ELECTRON_MIRROR to a mirror you can reach)';
    return new ElectronDownloadError(`${failed}: ${reason} (${code}). ${proxyHint}, ${RETRY}.`);
  }

  const message = typeof e.message === 'string' ? e.message.split('\n')[0] : String(error);
  return new ElectronDownloadError(`${failed}: ${message}. Check your internet connection, ${RETRY}.`);
}

/** fetch() wraps the socket error: `TypeError: fetch failed` with `cause.code`, sometimes nested twice. */
function networkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const { code, cause } = current as ErrorLike;
    if (typeof code === 'string' && code.length > 0) return code;
    const errors = (current as { errors?: unknown[] }).errors; // AggregateError from happy eyeballs
    current = cause ?? errors?.[0];
  }
  return null;
}

function isCertificateCode(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)/.test(code);
}

function certificateReason(code: string): string {
  return `the server's TLS certificate is not trusted (${code === 'SELF_SIGNED_CERT_IN_CHAIN' ? 'a self-signed certificate in the chain' : 'certificate check failed'})`;
}
