import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_API_LIMITS } from '../../../electron/core/test-api/test-api-server';
import { connectionTo, type ConnectionClient } from './connection-client';
import { openFixture, rawRequest, type Fixture } from './test-api-fixture';

describe('local test API: failed authentications are rate limited per connection and per presented key', () => {
  let f: Fixture;
  let client: ConnectionClient;
  beforeEach(async () => {
    f = await openFixture();
    client = connectionTo(f.api.baseUrl);
  });
  afterEach(async () => {
    client.close();
    await f.dispose();
  });

  const whoami = (key?: string, on: ConnectionClient = client) =>
    on.call('/v1/whoami', key === undefined ? {} : { headers: { 'x-api-key': key } });

  it('documents its numbers: 20 failures per 60 s window, 16 KiB bodies', () => {
    expect(DEFAULT_TEST_API_LIMITS).toEqual({ maxFailures: 20, failureWindowMs: 60_000, maxBodyBytes: 16 * 1024 });
  });

  it('answers a connection 429 RATE_LIMITED with Retry-After after 20 failures in 60 s, valid keys included, until the window ends', async () => {
    const { plaintext } = await f.issue();
    for (let i = 0; i < 20; i += 1) {
      // Successes in between do not count.
      expect((await whoami(plaintext)).status).toBe(200);
      expect((await whoami(i % 2 === 0 ? 'wrong' : undefined)).status).toBe(401);
    }
    const limited = await whoami('wrong');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // A blocked client cannot tell a right key from a wrong one, on any route.
    expect((await whoami(plaintext)).status).toBe(429);
    expect(
      (await client.call('/v1/scopes/read:items', { headers: { authorization: `Bearer ${plaintext}` } })).status,
    ).toBe(429);
    const verify = await client.call('/v1/keys/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: plaintext }),
    });
    expect(verify.status).toBe(429);

    f.clock.advance(30_500);
    expect((await whoami(plaintext)).headers.get('retry-after')).toBe('30');
    f.clock.advance(29_499);
    expect((await whoami(plaintext)).headers.get('retry-after')).toBe('1');
    f.clock.advance(1);
    // The window is over: a fresh start.
    expect((await whoami(plaintext)).status).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await whoami('wrong')).status).toBe(401);
    expect((await whoami('wrong')).status).toBe(429);
  });

  it('counts a verify of a key that does not work as a failure, but not a key lacking a scope', async () => {
    const { plaintext } = await f.issue({ scopes: ['read:users'] });
    const verify = (body: object) =>
      client.call('/v1/keys/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (let i = 0; i < 30; i += 1) {
      expect((await verify({ key: plaintext, scope: 'read:items' })).status).toBe(200); // INSUFFICIENT_SCOPE
      expect((await client.call('/v1/scopes/read:items', { headers: { 'x-api-key': plaintext } })).status).toBe(403);
    }
    for (let i = 0; i < 20; i += 1)
      expect(await (await verify({ key: 'guess' })).json()).toMatchObject({ valid: false });
    expect((await verify({ key: plaintext })).status).toBe(429);
  });

  it('does not count requests refused before authentication (Host, Origin, route, body)', async () => {
    for (let i = 0; i < 25; i += 1) {
      expect((await f.call('/v1/whoami', { headers: { origin: 'https://attacker.example' } })).status).toBe(403);
      expect((await f.call('/nowhere')).status).toBe(404);
      const badJson = await f.call('/v1/keys/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      expect(badJson.status).toBe(400);
    }
    expect((await whoami('wrong')).status).toBe(401);
  });

  it('takes its limits as options', async () => {
    const small = await openFixture({ limits: { maxFailures: 2, failureWindowMs: 5_000 } });
    const own = connectionTo(small.api.baseUrl);
    try {
      const call = () => own.call('/v1/whoami');
      expect((await call()).status).toBe(401);
      expect((await call()).status).toBe(401);
      const limited = await call();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('5');
      small.clock.advance(5_000);
      expect((await call()).status).toBe(401);
    } finally {
      own.close();
      await small.dispose();
    }
  });

  it('never lets one noisy connection deny another client, valid key or not', async () => {
    const { plaintext } = await f.issue();
    for (let i = 0; i < 25; i += 1) await whoami('wrong');
    expect((await whoami(plaintext)).status).toBe(429);
    const other = connectionTo(f.api.baseUrl);
    try {
      expect((await whoami(plaintext, other)).status).toBe(200);
      expect((await whoami('also wrong', other)).status).toBe(401);
    } finally {
      other.close();
    }
  });

  it('limits failed presentations of one key id across connections, never the valid key', async () => {
    const { plaintext, key } = await f.issue();
    const port = Number(new URL(f.api.baseUrl).port);
    // A well-formed key with this key id and a valid checksum, but the wrong secret, each time on a new connection.
    const { formatKey } = await import('../../../electron/core/keys/key-format');
    const guess = () =>
      rawRequest(port, { path: '/v1/whoami', headers: { 'x-api-key': formatKey('pyas', key.keyId) } });
    for (let i = 0; i < 20; i += 1) expect((await guess()).status).toBe(401);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    // The key itself still answers, on any connection; another key id's failures are its own.
    expect((await rawRequest(port, { path: '/v1/whoami', headers: { 'x-api-key': plaintext } })).status).toBe(200);
    const otherId = formatKey('pyas', 'Zz9Zz9Zz');
    expect((await rawRequest(port, { path: '/v1/whoami', headers: { 'x-api-key': otherId } })).status).toBe(401);
  });
});

describe('local test API: calls are uses of the key', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  it('updates last used and use count on every valid call, in every route and scheme', async () => {
    const { plaintext, key } = await f.issue();
    const other = await f.issue({ name: 'Staging' });
    expect(f.t.core.keys.list(f.appId).find((k) => k.id === key.id)).toMatchObject({ useCount: 0, lastUsedAt: null });
    await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } });
    f.clock.advance(60_000);
    await f.call('/v1/whoami', { headers: { authorization: `Api-Key ${plaintext}` } });
    await f.call('/v1/scopes/read:items', { headers: { authorization: `Bearer ${plaintext}` } });
    await f.call('/v1/keys/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: plaintext }),
    });
    // A live key calling a resource outside its scopes (403) still made a call: it counts.
    expect((await f.call('/v1/scopes/write:integrations', { headers: { 'x-api-key': plaintext } })).status).toBe(403);
    // A failed authentication is not a use of any key.
    await f.call('/v1/whoami', { headers: { 'x-api-key': `${plaintext}x` } });
    const byId = () => new Map(f.t.core.keys.list(f.appId).map((k) => [k.id, k]));
    // Counted in memory first (what lists show), then written by the usage flush.
    expect(byId().get(key.id)).toMatchObject({ useCount: 5, lastUsedAt: '2026-11-23T10:16:00.000Z' });
    await f.t.core.usage.flush();
    expect(f.t.core.db.snapshot().keys.find((k) => k.id === key.id)).toMatchObject({
      useCount: 5,
      lastUsedAt: '2026-11-23T10:16:00.000Z',
    });
    expect(byId().get(other.key.id)).toMatchObject({ useCount: 0 });
  });

  it('appears in Activity aggregated: one "verified ×N" record per key and hour', async () => {
    const { plaintext, key } = await f.issue();
    for (let i = 0; i < 7; i += 1) {
      expect((await f.call('/v1/whoami', { headers: { authorization: `Bearer ${plaintext}` } })).status).toBe(200);
    }
    await f.t.core.usage.flush();
    const verified = () => f.t.core.activity.list({ issuedKeyId: key.id }).filter((r) => r.type === 'key.verified');
    // The hour is not over yet: listed as it stands so far, not yet a record of the log.
    expect(verified()).toMatchObject([
      { count: 7, provisional: true, summary: 'API key "Production" verified 7 times this hour so far' },
    ]);
    f.clock.set('2026-11-23T11:00:30.000Z');
    await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } });
    await f.t.core.usage.flush();
    expect(verified()).toMatchObject([
      { count: 1, provisional: true, at: '2026-11-23T11:00:00.000Z' },
      {
        count: 7,
        at: '2026-11-23T10:00:00.000Z',
        keyLabel: `${key.keyPrefix}_${key.keyId}`,
        summary: 'API key "Production" verified 7 times in this hour',
      },
    ]);
    const all = f.t.core.activity.list({ appId: f.appId });
    expect(JSON.stringify(all)).not.toContain(plaintext);
  });
});
