import type { Verifier, VerifierOutcome } from './verifier.js';

/**
 * Guards for a service's routes, for Node's `http`, Express, Fastify and Hono. Written against the
 * few members each framework's request and response have, so this module imports none of them. The
 * key is read as the local test API reads it: `x-api-key`, else `Authorization: Bearer|Api-Key`.
 * A refusal answers JSON `{ "error": CODE }` — 401 (with `WWW-Authenticate`) when there is no valid
 * key, 403 when the key lacks the scope, 503 when the keyset held is past valid-until — and never
 * echoes what was presented.
 */
export interface GuardOptions {
  /** A scope the key must carry on these routes. */
  scope?: string;
}

export interface Refusal {
  status: 401 | 403 | 503;
  body: { error: VerifierOutcome['code'] };
  headers: Record<string, string>;
}

/** The presented key from request headers (`get` answers a lower-case header's value). */
export function presentedKey(get: (name: string) => string | string[] | null | undefined): string | null {
  const first = (name: string) => {
    const value = get(name);
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  return first('x-api-key')?.trim() || first('authorization')?.trim() || null;
}

/** What to answer for an outcome that is not VALID. */
export function refusalOf(outcome: VerifierOutcome): Refusal {
  const body = { error: outcome.code };
  if (outcome.code === 'INSUFFICIENT_SCOPE') return { status: 403, body, headers: {} };
  if (outcome.code === 'KEYSET_EXPIRED') return { status: 503, body, headers: { 'retry-after': '30' } };
  return { status: 401, body, headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' } };
}

interface NodeRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

/** Node `http`: answers the refusal itself and resolves null, or resolves the VALID outcome. */
export function nodeGuard(verifier: Verifier, options: GuardOptions = {}) {
  return async (request: NodeRequest, response: NodeResponse): Promise<VerifierOutcome | null> => {
    const outcome = await verifier.verify(
      presentedKey((name) => request.headers[name]),
      options,
    );
    if (outcome.valid) return outcome;
    const refusal = refusalOf(outcome);
    response.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
    response.end(JSON.stringify(refusal.body));
    return null;
  };
}

interface ExpressRequest extends NodeRequest {
  keyhaven?: VerifierOutcome;
}
interface ExpressResponse {
  status(code: number): ExpressResponse;
  set(headers: Record<string, string>): ExpressResponse;
  json(body: unknown): unknown;
}

/** Express: `app.use(keyhavenExpress(verifier))`; the outcome is on `req.keyhaven`. */
export function keyhavenExpress(verifier: Verifier, options: GuardOptions = {}) {
  return (request: ExpressRequest, response: ExpressResponse, next: (error?: unknown) => void): void => {
    verifier
      .verify(
        presentedKey((name) => request.headers[name]),
        options,
      )
      .then((outcome) => {
        if (outcome.valid) {
          request.keyhaven = outcome;
          return next();
        }
        const refusal = refusalOf(outcome);
        response.status(refusal.status).set(refusal.headers).json(refusal.body);
      }, next);
  };
}

interface FastifyRequest extends NodeRequest {
  keyhaven?: VerifierOutcome;
}
interface FastifyReply {
  code(status: number): FastifyReply;
  headers(values: Record<string, string>): FastifyReply;
  send(body: unknown): unknown;
}

/** Fastify: `{ preHandler: keyhavenFastify(verifier) }` on a route, or `app.addHook('preHandler', …)`. */
export function keyhavenFastify(verifier: Verifier, options: GuardOptions = {}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const outcome = await verifier.verify(
      presentedKey((name) => request.headers[name]),
      options,
    );
    if (outcome.valid) {
      request.keyhaven = outcome;
      return;
    }
    const refusal = refusalOf(outcome);
    await reply.code(refusal.status).headers(refusal.headers).send(refusal.body);
  };
}

interface HonoContext {
  req: { header(name: string): string | undefined };
  set(key: 'keyhaven', value: VerifierOutcome): void;
  json(body: unknown, status: number, headers?: Record<string, string>): Response;
}

/** Hono (any runtime): `app.use('/v1/*', keyhavenHono(verifier))`; the outcome is `c.get('keyhaven')`. */
export function keyhavenHono(verifier: Verifier, options: GuardOptions = {}) {
  return async (c: HonoContext, next: () => Promise<void>): Promise<Response | void> => {
    const outcome = await verifier.verify(
      presentedKey((name) => c.req.header(name)),
      options,
    );
    if (!outcome.valid) {
      const refusal = refusalOf(outcome);
      return c.json(refusal.body, refusal.status, refusal.headers);
    }
    c.set('keyhaven', outcome);
    await next();
  };
}
