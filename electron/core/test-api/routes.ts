import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { VerifyCode } from '../../../shared/domain/issued-key';
import { CoreError } from '../errors';
import { keyFromHeader } from '../keys/header-value';
import { parseKey } from '../keys/key-format';
import { credentialsOf } from './auth-header';
import { readJsonBody } from './json-body';
import { errorReply, type Reply } from './reply';
import type { KeyFacts, TestApiKeys } from './test-api-keys';

export interface RouteContext {
  keys: TestApiKeys;
  req: IncomingMessage;
  maxBodyBytes: number;
  /** The decoded `<scope>` of `/v1/scopes/<scope>`. */
  scope: string;
}

export interface Route {
  handle: (ctx: RouteContext) => Promise<Reply>;
}

export type RouteMatch = { route: Route; scope: string } | { reply: Reply };

/** The realm of the WWW-Authenticate challenge on every 401. */
export const CHALLENGE = 'Bearer realm="Keyhaven local test API", Api-Key realm="Keyhaven local test API"';

export const SCOPE_MAX = 60;
export const KEY_MAX = 1000;

const UNAUTHORIZED_MESSAGES: Record<
  'NOT_FOUND' | 'MALFORMED' | 'EXPIRED' | 'REVOKED' | 'DISABLED' | 'TAMPERED',
  string
> = {
  TAMPERED: "This API key's record was changed outside Keyhaven, so it is refused.",
  MALFORMED: 'That is not a well-formed Keyhaven API key.',
  NOT_FOUND: 'No API key issued by this Keyhaven matches.',
  EXPIRED: 'This API key has expired.',
  REVOKED:
    'This API key was revoked (alone or with its archived app), or replaced by a rotation whose grace period is over.',
  DISABLED: 'This API key is disabled for now: it works again once it is enabled in Keyhaven.',
};

const unauthorized = (
  code: 'MISSING_KEY' | keyof typeof UNAUTHORIZED_MESSAGES,
  message?: string,
  presented?: string,
): Reply =>
  errorReply(401, code, message ?? UNAUTHORIZED_MESSAGES[code as keyof typeof UNAUTHORIZED_MESSAGES], {
    headers: { 'www-authenticate': CHALLENGE },
    authFailed: true,
    ...(presented ? { presented } : {}),
  });

/** The public label of a well-formed key in `text` (a bare key or `<scheme> <key>`), for the limiter. */
function presentedLabel(text: string): string | undefined {
  const parsed = parseKey(text.trim().split(/\s+/).at(-1) ?? '');
  return parsed ? `${parsed.prefix}_${parsed.keyId}` : undefined;
}

type Checked = { ok: true; key: KeyFacts } | { ok: false; reply: Reply };

/** The key in the request's header, checked by the core (which counts a valid key's use). */
async function authenticate(ctx: RouteContext, requiredScope?: string): Promise<Checked> {
  const credentials = credentialsOf(ctx.req);
  if ('error' in credentials) return { ok: false, reply: unauthorized(credentials.error, credentials.message) };
  // The scope is checked here, after a VALID verification: a live key calling a resource it may not
  // use still made a call, so it counts as a use (last used, use count) like any other.
  const presented = keyFromHeader(credentials.headerValue, credentials.scheme) ?? '';
  const result = await ctx.keys.verifyKey(presented);
  if (result.code !== 'VALID' || !result.key) {
    // Without a required scope, verify never answers INSUFFICIENT_SCOPE; VALID without a key cannot happen.
    const code = result.code === 'VALID' || result.code === 'INSUFFICIENT_SCOPE' ? 'NOT_FOUND' : result.code;
    return { ok: false, reply: unauthorized(code, undefined, presentedLabel(credentials.headerValue)) };
  }
  if (requiredScope !== undefined && !result.key.scopes.includes(requiredScope)) {
    return {
      ok: false,
      reply: errorReply(403, 'INSUFFICIENT_SCOPE', 'This API key does not hold the scope this resource needs.'),
    };
  }
  return { ok: true, key: result.key };
}

/** `GET /v1/whoami`: who the key in the header is. */
const whoami: Route = {
  async handle(ctx) {
    const checked = await authenticate(ctx);
    if (!checked.ok) return checked.reply;
    const { key } = checked;
    return {
      status: 200,
      body: { app: key.app, keyId: key.keyId, name: key.name, scopes: key.scopes, expiresAt: key.expiresAt },
    };
  },
};

/** `GET /v1/scopes/<scope>`: a resource that needs the scope. */
const scopeResource: Route = {
  async handle(ctx) {
    const checked = await authenticate(ctx, ctx.scope);
    if (!checked.ok) return checked.reply;
    return {
      status: 200,
      body: { scope: ctx.scope, granted: true, app: checked.key.app, keyId: checked.key.keyId },
    };
  },
};

const verifyBodySchema = z.strictObject({
  key: z.string().max(KEY_MAX),
  scope: z.string().max(SCOPE_MAX).optional(),
});

/** Codes of a key that is not ours or no longer works: failed authentications for the limiter. */
const FAILED: ReadonlySet<VerifyCode> = new Set([
  'MALFORMED',
  'NOT_FOUND',
  'EXPIRED',
  'REVOKED',
  'DISABLED',
  'TAMPERED',
]);

/** `POST /v1/keys/verify` with `{ key, scope? }`: the check itself, as data. No header key needed. */
const verifyKey: Route = {
  async handle(ctx) {
    const body = await readJsonBody(ctx.req, ctx.maxBodyBytes);
    if (!body.ok) return body.reply;
    const parsed = verifyBodySchema.safeParse(body.value);
    if (!parsed.success) {
      return errorReply(
        400,
        'BAD_REQUEST',
        `Send {"key": "...", "scope": "..."}: key a string of at most ${KEY_MAX} characters, scope (optional) of at most ${SCOPE_MAX}.`,
      );
    }
    const outcome = await ctx.keys.verifyKey(parsed.data.key, parsed.data.scope);
    const key = outcome.key;
    return {
      status: 200,
      body: {
        valid: outcome.code === 'VALID',
        code: outcome.code,
        app: key ? key.app : null,
        keyId: key ? key.keyId : null,
        scopes: key ? key.scopes : null,
        expiresAt: key ? key.expiresAt : null,
      },
      authFailed: FAILED.has(outcome.code),
      ...(FAILED.has(outcome.code) ? { presented: presentedLabel(parsed.data.key) } : {}),
    };
  },
};

/**
 * `GET /v1/keyset?app=<key prefix>`: the app's current signed keyset, for a service under development
 * to load (`loadKeyset: 'http://127.0.0.1:<port>/v1/keyset?app=…'`). No key needed: a keyset holds no
 * secret (digests under the app's secret, ids, scopes, dates). `If-None-Match` with its ETag → 304.
 */
const keysetRoute: Route = {
  async handle(ctx) {
    const wanted = new URL(ctx.req.url ?? '/', 'http://127.0.0.1').searchParams.get('app');
    let served: { text: string; sequence: number };
    try {
      served = await ctx.keys.keyset(wanted);
    } catch (error) {
      if (error instanceof CoreError && (error.code === 'NOT_FOUND' || error.code === 'CONFLICT'))
        return errorReply(404, 'APP_NOT_FOUND', error.message);
      if (error instanceof CoreError && error.code === 'INVALID_INPUT')
        return errorReply(400, 'BAD_REQUEST', error.message);
      throw error;
    }
    const etag = `"keyset-${served.sequence}"`;
    if (ctx.req.headers['if-none-match'] === etag) return { status: 304, body: '', headers: { etag } };
    return { status: 200, body: served.text, headers: { etag } };
  },
};

const SCOPES_PREFIX = '/v1/scopes/';

const notFoundRoute = (): Reply =>
  errorReply(
    404,
    'NOT_FOUND_ROUTE',
    'No such endpoint: GET /v1/whoami, POST /v1/keys/verify, GET /v1/scopes/<scope>, GET /v1/keyset?app=<prefix>.',
  );

function methodGate(method: string | undefined, allowed: 'GET' | 'POST', route: Route, scope = ''): RouteMatch {
  if (method === allowed) return { route, scope };
  return {
    reply: errorReply(405, 'METHOD_NOT_ALLOWED', `Use ${allowed} here.`, { headers: { allow: allowed } }),
  };
}

/** The route for a request line; the query string is ignored. */
export function matchRoute(method: string | undefined, url: string | undefined): RouteMatch {
  if (url === undefined || !url.startsWith('/')) return { reply: notFoundRoute() };
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path === '/v1/whoami') return methodGate(method, 'GET', whoami);
  if (path === '/v1/keys/verify') return methodGate(method, 'POST', verifyKey);
  if (path === '/v1/keyset') return methodGate(method, 'GET', keysetRoute);
  if (path.startsWith(SCOPES_PREFIX) && path.length > SCOPES_PREFIX.length) {
    const encoded = path.slice(SCOPES_PREFIX.length);
    if (encoded.includes('/')) return { reply: notFoundRoute() };
    let scope: string;
    try {
      scope = decodeURIComponent(encoded);
    } catch {
      return { reply: errorReply(400, 'BAD_REQUEST', 'The scope in the path is not valid URL encoding.') };
    }
    if (scope.length > SCOPE_MAX) {
      return { reply: errorReply(400, 'BAD_REQUEST', `A scope has at most ${SCOPE_MAX} characters.`) };
    }
    return methodGate(method, 'GET', scopeResource, scope);
  }
  return { reply: notFoundRoute() };
}
