import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { keyhavenExpress, keyhavenFastify, keyhavenHono, nodeGuard } from '../../../shared/verify/middleware';
import { createVerifier, type Verifier, type VerifierOutcome } from '../../../shared/verify/verifier';
import { plannedKey, signedKeyset, signingApp } from './keyset-fixture';

const app = signingApp();
const live = plannedKey('Live0001', { scopes: ['read:items'] });
const keyset = signedKeyset(app, [live], {
  issuedAt: new Date().toISOString(),
  validUntil: new Date(Date.now() + 86_400_000).toISOString(),
  revoked: [{ keyId: 'Revk0001', revokedAt: new Date().toISOString() }],
});
const verifier = (): Promise<Verifier> => createVerifier({ keyset, publicKey: app.publicKey, secret: app.secret });

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}
const closing = (server: Server) => () => new Promise<void>((resolve) => server.close(() => resolve()));

/** The same requests against each framework: what a client sees. */
async function expectGuarded(base: string): Promise<void> {
  const get = async (headers: Record<string, string>) => {
    const response = await fetch(`${base}/v1/items`, { headers });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      auth: response.headers.get('www-authenticate'),
    };
  };
  expect(await get({ authorization: `Bearer ${live.key}` })).toMatchObject({
    status: 200,
    body: { keyId: 'Live0001' },
  });
  expect(await get({ 'x-api-key': live.key })).toMatchObject({ status: 200 });
  expect(await get({ authorization: `Api-Key ${live.key}` })).toMatchObject({ status: 200 });
  expect(await get({})).toMatchObject({
    status: 401,
    body: { error: 'MISSING_KEY' },
    auth: expect.stringContaining('Bearer'),
  });
  expect(await get({ authorization: 'Bearer nope' })).toMatchObject({ status: 401, body: { error: 'MALFORMED' } });
  const guessed = await get({ 'x-api-key': formatKey('pyas', 'Live0001') });
  expect(guessed).toMatchObject({ status: 401, body: { error: 'NOT_FOUND' } });
  expect(JSON.stringify(guessed.body)).not.toContain('pyas_');
  expect(await get({ 'x-api-key': formatKey('pyas', 'Revk0001') })).toMatchObject({
    status: 401,
    body: { error: 'REVOKED' },
  });
}

describe('the verifier guarding real servers', () => {
  it('Node http', async () => {
    const guard = nodeGuard(await verifier(), { scope: 'read:items' });
    const server = createServer(async (request, response) => {
      const outcome = await guard(request, response);
      if (outcome) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(outcome));
    });
    const base = await listen(server);
    closers.push(closing(server));
    await expectGuarded(base);
  });

  it('Express', async () => {
    const server = express();
    server.use('/v1', keyhavenExpress(await verifier(), { scope: 'read:items' }));
    server.get('/v1/items', (request, response) => {
      response.json((request as unknown as { keyhaven: VerifierOutcome }).keyhaven);
    });
    const http = createServer(server);
    const base = await listen(http);
    closers.push(closing(http));
    await expectGuarded(base);
  });

  it('Fastify, and 403 for a key without the route’s scope', async () => {
    const server = Fastify();
    server.get(
      '/v1/items',
      { preHandler: keyhavenFastify(await verifier(), { scope: 'read:items' }) },
      async (request) => {
        return (request as unknown as { keyhaven: VerifierOutcome }).keyhaven;
      },
    );
    server.get('/v1/admin', { preHandler: keyhavenFastify(await verifier(), { scope: 'admin' }) }, async () => ({
      ok: true,
    }));
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => server.close());
    await expectGuarded(base);
    const admin = await fetch(`${base}/v1/admin`, { headers: { authorization: `Bearer ${live.key}` } });
    expect({ status: admin.status, body: await admin.json() }).toEqual({
      status: 403,
      body: { error: 'INSUFFICIENT_SCOPE' },
    });
  });

  it('Hono on @hono/node-server', async () => {
    const hono = new Hono<{ Variables: { keyhaven: VerifierOutcome } }>();
    hono.use('/v1/*', keyhavenHono(await verifier(), { scope: 'read:items' }));
    hono.get('/v1/items', (c) => c.json(c.get('keyhaven')));
    const base = await new Promise<string>((resolve) => {
      const server = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
      closers.push(() => new Promise<void>((done) => server.close(() => done())));
    });
    await expectGuarded(base);
  });
});
