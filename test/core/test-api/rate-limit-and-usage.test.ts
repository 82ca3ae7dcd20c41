import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_API_LIMITS } from '../../../electron/core/test-api/test-api-server';
import { openFixture, type Fixture } from './test-api-fixture';

describe('local test API: failed authentications are rate limited per client', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  const whoami = (key?: string) => f.call('/v1/whoami', key === undefined ? {} : { headers: { 'x-api-key': key } });

  it('documents its numbers: 20 failures per 60 s window, 16 KiB bodies', () => {
    expect(DEFAULT_TEST_API_LIMITS).toEqual({ maxFailures: 20, failureWindowMs: 60_000, maxBodyBytes: 16 * 1024 });
  });

  it('answers 429 RATE_LIMITED with Retry-After after 20 failures in 60 s, valid keys included, until the window ends', async () => {
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
    expect((await f.call('/v1/scopes/read:items', { headers: { authorization: `Bearer ${plaintext}` } })).status).toBe(
      429,
    );
    const verify = await f.call('/v1/keys/verify', {
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
      f.call('/v1/keys/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (let i = 0; i < 30; i += 1) {
      expect((await verify({ key: plaintext, scope: 'read:items' })).status).toBe(200); // INSUFFICIENT_SCOPE
      expect((await f.call('/v1/scopes/read:items', { headers: { 'x-api-key': plaintext } })).status).toBe(403);
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
    try {
      const call = () => small.call('/v1/whoami');
      expect((await call()).status).toBe(401);
      expect((await call()).status).toBe(401);
      const limited = await call();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('5');
      small.clock.advance(5_000);
      expect((await call()).status).toBe(401);
    } finally {
      await small.dispose();
    }
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
    expect(verified()).toEqual([]); // the hour is not over yet
    f.clock.set('2026-11-23T11:00:30.000Z');
    await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } });
    await f.t.core.usage.flush();
    expect(verified()).toMatchObject([
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
