import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { hostAllowed } from '../../../shared/console/allowed-hosts';
import { keyPlacement, type KeyPlacement } from '../../../shared/console/key-placement';
import type { ConsoleRequest, ConsoleResponse } from '../../../shared/console/request';
import { effectiveUrl, statusMeaning, typedContentType, wireBody } from '../../../shared/console/wire';
import { CoreError } from '../errors';
import { ConsoleError } from './console-error';
import { maskResponse, scrubbed } from './mask-key';
import { LOOPBACK_HOSTS, networkProblem, requestProblem } from './network-problem';
import { nextHop, type Hop } from './redirect-policy';
import { withoutKey, withoutSecrets } from './redirect-secrets';
import { headersFor, type Key } from './request-headers';
import { decodeBody, readBody } from './response-reader';

/**
 * Sends a console request from main (issue 5 §3) with node:http/https, not fetch: redirects are
 * followed by hand (redirect-policy.ts) so the key stays on the origin the user typed, TLS options are
 * per request, and the body is read with a byte cap (response-reader.ts).
 *
 * - The key is injected here: a typed key, or a vault entry's secret from `revealSecret`, asked for
 *   only after the entry's allowed hosts accepted the URL.
 * - The key (header or query parameter) goes only to the first URL's origin. A redirect elsewhere is
 *   followed without it, and without the user's Authorization, Proxy-Authorization and Cookie
 *   headers; the response says where the key was withheld.
 * - TLS is verified; `allowSelfSignedLocalhost` relaxes that only for localhost, 127.0.0.1 and ::1.
 * - One deadline (`timeoutMs`) covers every hop and the body; `signal` cancels.
 * - The key never appears in an error message; a vault entry's key is masked wherever the response
 *   echoes it (the renderer never holds a vault secret). URLs in the response are always masked.
 */
export interface SendOptions {
  signal?: AbortSignal;
  /** A vault entry's secret (the core's `entries.reveal(entryId).secret`); may throw LOCKED. */
  revealSecret?: (entryId: string) => string;
  /** A vault entry's allowed hosts (the core's `entries.get(entryId).allowedHosts`); empty = any. */
  allowedHostsOf?: (entryId: string) => readonly string[];
  /** Sent when the request has no User-Agent row. */
  userAgent?: string;
  /** DNS lookup override (tests resolve made-up names to 127.0.0.1). */
  lookup?: LookupFunction;
  /**
   * Vault keys filled in for `{{variables}}` (request-variables.ts). Like the key, they go only to the
   * first URL's origin (a redirect elsewhere drops the rows, parameters and body holding one) and are
   * masked in everything returned.
   */
  secrets?: readonly string[];
}

/** `request` must have been parsed by consoleRequestSchema (main validates every IPC request). */
export async function sendRequest(request: ConsoleRequest, options: SendOptions = {}): Promise<ConsoleResponse> {
  const firstUrl = effectiveUrl(request);
  const origin = firstUrl.origin;
  const { key, allowedHosts } = resolveKey(request, firstUrl, options);
  const secrets = options.secrets ?? [];
  const controller = new AbortController();
  let abortReason: ConsoleError | null = null;
  const abort = (reason: ConsoleError) => {
    if (abortReason) return;
    abortReason = reason;
    controller.abort();
  };
  const onCancel = () => abort(new ConsoleError('CANCELLED', 'The request was cancelled.'));
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(
    () => abort(new ConsoleError('TIMEOUT', `No complete response within ${formatSeconds(request.timeoutMs)}.`)),
    request.timeoutMs,
  );
  const abortError = (): ConsoleError => abortReason ?? new ConsoleError('CANCELLED', 'The request was cancelled.');
  const started = performance.now();
  try {
    const redirects: ConsoleResponse['redirects'] = [];
    let keyWithheldAt: string | undefined;
    // One boundary for the whole exchange: a 307 repeats the same multipart body under the same header.
    const outgoing = wireBody(request.body, typedContentType(request.headers));
    let hop: Hop = { url: firstUrl, method: request.method, body: outgoing.payload };
    for (;;) {
      const carriesKey = key !== null && hop.url.origin === origin;
      if (key !== null && !carriesKey) {
        keyWithheldAt ??= hop.url.origin;
        hop = { ...hop, url: withoutKey(hop.url, key.value) };
      }
      if (hop.url.origin !== origin) hop = withoutSecrets(hop, secrets);
      if (carriesKey && !hostAllowed(allowedHosts, hop.url)) throw hostRefused(hop.url);
      const url = carriesKey && key.placement.kind === 'query' ? withQueryKey(hop.url, key.placement) : hop.url;
      const crossOrigin = hop.url.origin !== origin;
      const headers = headersFor(request, hop, {
        key: carriesKey ? key : null,
        crossOrigin,
        contentType: outgoing.contentType,
        userAgent: options.userAgent,
        secrets,
      });
      const response = await exchange(url, hop, headers, request, options.lookup, controller.signal, abortError);
      const location = response.headers.location;
      const next = nextHopOrThrow(hop, response, location, redirects.length);
      if (next) {
        response.destroy();
        redirects.push({ url: next.url.toString(), status: response.statusCode ?? 0 });
        hop = next;
        continue;
      }
      const contentType = headerValue(response.headers['content-type']);
      const body = await readBody(response, request.maxBytes, controller.signal, abortError);
      const decoded = decodeBody(body.bytes, contentType, body.truncated);
      const status = response.statusCode ?? 0;
      const result: ConsoleResponse = {
        status,
        statusText: statusMeaning(status),
        url: url.toString(),
        timeMs: Math.round((performance.now() - started) * 10) / 10,
        sizeBytes: body.bytes.length,
        truncated: body.truncated,
        headers: pairs(response.rawHeaders),
        bodyText: decoded.text,
        bodyEncoding: decoded.encoding,
        contentType,
        redirects,
        ...(keyWithheldAt !== undefined ? { keyWithheldAt } : {}),
      };
      const masked = secrets.reduce((out, value) => maskResponse(out, { value, fromVault: true }), result);
      return key === null ? masked : maskResponse(masked, key);
    }
  } catch (error) {
    throw secrets.reduce((out, value) => scrubbed(out, value), scrubbed(error, key?.value ?? null));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

function resolveKey(
  request: ConsoleRequest,
  firstUrl: URL,
  options: SendOptions,
): { key: Key | null; allowedHosts: readonly string[] } {
  const auth = request.auth;
  if (auth.kind === 'none') return { key: null, allowedHosts: [] };
  if (auth.kind === 'typed') {
    return {
      key: { value: auth.key, placement: keyPlacement(auth.scheme, auth.key), fromVault: false },
      allowedHosts: [],
    };
  }
  if (!options.revealSecret || !options.allowedHostsOf) {
    throw new CoreError('INTERNAL', 'The console cannot read vault entries here.');
  }
  const allowedHosts = options.allowedHostsOf(auth.entryId);
  // Checked before the secret is decrypted: a refused host never causes a reveal.
  if (!hostAllowed(allowedHosts, firstUrl)) throw hostRefused(firstUrl);
  const value = options.revealSecret(auth.entryId);
  if (/[\r\n\0]/.test(value))
    throw new CoreError('INVALID_INPUT', "This entry's key has a line break; it cannot be sent.");
  return { key: { value, placement: keyPlacement(auth.scheme, value), fromVault: true }, allowedHosts };
}

const hostRefused = (url: URL): ConsoleError =>
  new ConsoleError(
    'HOST_NOT_ALLOWED',
    `${url.host} is not one of this entry's allowed hosts, so its key was not sent. Edit the entry to allow it.`,
  );

function nextHopOrThrow(hop: Hop, response: IncomingMessage, location: string | undefined, followed: number) {
  try {
    return nextHop(hop, response.statusCode ?? 0, location, followed);
  } catch (error) {
    response.destroy();
    throw error;
  }
}

function withQueryKey(url: URL, placement: KeyPlacement): URL {
  const present = url.searchParams.getAll(placement.name);
  if (present.length === 1 && present[0] === placement.value) return url;
  return effectiveUrl({ url: url.toString(), query: [] }, placement);
}

function exchange(
  url: URL,
  hop: Hop,
  headers: OutgoingHttpHeaders,
  request: ConsoleRequest,
  lookup: LookupFunction | undefined,
  signal: AbortSignal,
  abortError: () => ConsoleError,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const https = url.protocol === 'https:';
    const relaxTls = https && request.allowSelfSignedLocalhost && LOOPBACK_HOSTS.has(hostname.toLowerCase());
    let outgoing;
    try {
      outgoing = (https ? httpsRequest : httpRequest)({
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: hop.method,
        headers,
        ...(lookup ? { lookup } : {}),
        ...(https ? { rejectUnauthorized: !relaxTls } : {}),
      });
    } catch (error) {
      return reject(requestProblem(error));
    }
    const onAbort = () => {
      outgoing.destroy();
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.on('response', (response) => {
      signal.removeEventListener('abort', onAbort);
      resolve(response);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort);
      reject(signal.aborted ? abortError() : networkProblem(error, url, request.allowSelfSignedLocalhost));
    });
    // No body: no Content-Length either (Node would add `Content-Length: 0` to a POST; curl sends none).
    if (hop.body === null) outgoing.useChunkedEncodingByDefault = false;
    outgoing.end(hop.body ?? undefined);
  });
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

const headerValue = (value: string | string[] | undefined): string | null =>
  Array.isArray(value) ? (value[0] ?? null) : (value ?? null);

const formatSeconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
