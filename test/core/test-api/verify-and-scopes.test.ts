import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, rawRequest, type Fixture } from './test-api-fixture';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('local test API: POST /v1/keys/verify', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  const verify = (body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    f.call('/v1/keys/verify', {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers valid with the key’s app, label, scopes and expiry, without a key in the header', async () => {
    const { plaintext, key } = await f.issue({ scopes: ['read:items', 'read:users'] });
    const response = await verify({ key: plaintext });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      valid: true,
      code: 'VALID',
      app: 'Pyas',
      keyId: `${key.keyPrefix}_${key.keyId}`,
      scopes: ['read:items', 'read:users'],
      expiresAt: '2027-11-23T10:15:00.000Z',
    });
    expect(await (await verify({ key: plaintext, scope: 'read:users' })).json()).toMatchObject({ valid: true });
  });

  it('answers every other verdict with 200 and valid false, nulls where the key is unknown', async () => {
    const held = await f.issue({ scopes: ['read:users'] });
    const expiring = await f.issue({ expiration: { kind: 'preset', preset: '1h' } });
    const revoked = await f.issue();
    await f.t.core.lifecycle.revoke(revoked.key.id);
    const stranger = await openFixture();
    const foreign = (await stranger.issue()).plaintext;
    await stranger.dispose();
    f.clock.advance(3_600_000);
    const nulls = { app: null, keyId: null, scopes: null, expiresAt: null };
    const cases: [unknown, object][] = [
      [{ key: '' }, { valid: false, code: 'MALFORMED', ...nulls }],
      [{ key: 'pyas_nope' }, { valid: false, code: 'MALFORMED', ...nulls }],
      [{ key: foreign }, { valid: false, code: 'NOT_FOUND', ...nulls }],
      [
        { key: expiring.plaintext },
        { valid: false, code: 'EXPIRED', app: 'Pyas', expiresAt: '2026-11-23T11:15:00.000Z' },
      ],
      [{ key: revoked.plaintext }, { valid: false, code: 'REVOKED', app: 'Pyas', scopes: ['read:items'] }],
      [
        { key: held.plaintext, scope: 'read:items' },
        { valid: false, code: 'INSUFFICIENT_SCOPE', app: 'Pyas', keyId: `${held.key.keyPrefix}_${held.key.keyId}` },
      ],
    ];
    for (const [body, expected] of cases) {
      const response = await verify(body);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject(expected);
    }
  });

  it('answers 400 BAD_REQUEST for malformed JSON and for bodies of the wrong shape', async () => {
    const bad: unknown[] = [
      '{"key": ',
      '',
      'null',
      '[]',
      { scope: 'read:items' },
      { key: 42 },
      { key: 'k', scope: 7 },
      { key: 'x'.repeat(1001) },
      { key: 'k', scope: 's'.repeat(61) },
      { key: 'k', unexpected: true },
    ];
    for (const body of bad) {
      const response = await verify(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect((await verify({ key: 'x'.repeat(1000), scope: 's'.repeat(60) })).status).toBe(200);
  });

  it('accepts JSON only: 415 for another or a missing content type', async () => {
    const { plaintext } = await f.issue();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await verify({ key: plaintext }, { 'content-type': type });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    const untyped = await rawRequest(f.api.port, {
      method: 'POST',
      path: '/v1/keys/verify',
      headers: { host: `127.0.0.1:${f.api.port}`, 'content-length': '2' },
      chunks: [Buffer.from('{}')],
    });
    expect(untyped.status).toBe(415);
    expect((await verify({ key: plaintext }, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
  });

  it('answers 413 BODY_TOO_LARGE for a body declared larger than 16 KiB, without reading it', async () => {
    const response = await verify({ key: 'k', padding: 'x'.repeat(16 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(response.headers.get('connection')).toBe('close');
    // Declared only: the server answers before any byte of the body arrives.
    const declared = await rawRequest(f.api.port, {
      method: 'POST',
      path: '/v1/keys/verify',
      headers: { host: `127.0.0.1:${f.api.port}`, 'content-type': 'application/json', 'content-length': '1000000' },
    });
    expect(declared.status).toBe(413);
    // Exactly at the cap is fine (and is not JSON of the right shape: 400, not 413).
    expect((await verify(' '.repeat(16 * 1024 - 2) + '{}')).status).toBe(400);
  });

  it('answers 413 BODY_TOO_LARGE for a streamed (chunked) body as soon as it passes 16 KiB', async () => {
    const chunk = Buffer.alloc(4 * 1024, 0x20); // JSON whitespace
    const response = await rawRequest(f.api.port, {
      method: 'POST',
      path: '/v1/keys/verify',
      headers: { host: `127.0.0.1:${f.api.port}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 64 }, () => chunk),
    });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(response.headers['content-length']).toBeDefined();
    // The server is still there for the next client.
    expect((await verify({ key: '' })).status).toBe(200);
  });

  it('answers a streamed body within the cap normally', async () => {
    const { plaintext } = await f.issue();
    const body = Buffer.from(JSON.stringify({ key: plaintext }));
    const response = await rawRequest(f.api.port, {
      method: 'POST',
      path: '/v1/keys/verify',
      headers: { host: `127.0.0.1:${f.api.port}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: [body.subarray(0, 10), body.subarray(10)],
    });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ valid: true });
  });
});

describe('local test API: GET /v1/scopes/<scope>', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  it('answers 200 when the key holds the scope ("Read items" is read:items), in every scheme', async () => {
    const { plaintext, key } = await f.issue({ scopes: ['read:items'] });
    const headers: Record<string, string>[] = [
      { 'x-api-key': plaintext },
      { authorization: `Api-Key ${plaintext}` },
      { authorization: `Bearer ${plaintext}` },
    ];
    for (const h of headers) {
      const response = await f.call('/v1/scopes/read:items', { headers: h });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        scope: 'read:items',
        granted: true,
        app: 'Pyas',
        keyId: `${key.keyPrefix}_${key.keyId}`,
      });
    }
    // Percent-encoded scope and a query string are fine.
    expect((await f.call('/v1/scopes/read%3Aitems?x=1', { headers: headers[0] })).status).toBe(200);
  });

  it('answers 403 INSUFFICIENT_SCOPE for a key without the scope', async () => {
    const { plaintext } = await f.issue({ scopes: ['read:users'] });
    for (const scope of ['read:items', 'write:integrations', 'no-such-scope']) {
      const response = await f.call(`/v1/scopes/${scope}`, { headers: { authorization: `Bearer ${plaintext}` } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
    }
  });

  it('answers 401 for bad keys before looking at the scope', async () => {
    const { plaintext, key } = await f.issue({ scopes: ['read:items'] });
    const missing = await f.call('/v1/scopes/read:items');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'MISSING_KEY' });
    const malformed = await f.call('/v1/scopes/read:items', { headers: { 'x-api-key': 'nope' } });
    expect(await malformed.json()).toMatchObject({ code: 'MALFORMED' });
    await f.t.core.lifecycle.revoke(key.id);
    const revoked = await f.call('/v1/scopes/read:users', { headers: { 'x-api-key': plaintext } });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toContain('Bearer');
    expect(await revoked.json()).toMatchObject({ code: 'REVOKED' });
  });

  it('answers 400 for a scope that cannot be one (too long, bad encoding) and 404 for nested paths', async () => {
    const { plaintext } = await f.issue();
    const headers = { 'x-api-key': plaintext };
    expect((await f.call(`/v1/scopes/${'a'.repeat(61)}`, { headers })).status).toBe(400);
    expect((await f.call('/v1/scopes/%E0%A4%A', { headers })).status).toBe(400);
    for (const path of ['/v1/scopes/', '/v1/scopes/read:items/more']) {
      const response = await f.call(path, { headers });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND_ROUTE' });
    }
  });
});
