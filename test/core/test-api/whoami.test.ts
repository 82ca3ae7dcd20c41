import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFixture, rawRequest, type Fixture } from './test-api-fixture';

const HOUR = 3_600_000;

/** The three ways a client sends a key, as the header a server receives. */
const SCHEMES = [
  { id: 'x-api-key', headers: (key: string) => ({ 'x-api-key': key }) },
  { id: 'api-key', headers: (key: string) => ({ authorization: `Api-Key ${key}` }) },
  { id: 'bearer', headers: (key: string) => ({ authorization: `Bearer ${key}` }) },
] as const;

describe('local test API: GET /v1/whoami', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  async function expectUnauthorized(response: Response, code: string): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm=".+", Api-Key realm=".+"$/);
    expect(await response.json()).toMatchObject({ code });
  }

  for (const scheme of SCHEMES) {
    it(`answers 200 with who the key is, sent as ${scheme.id}`, async () => {
      const { plaintext, key } = await f.issue({ scopes: ['read:items', 'read:users'] });
      const response = await f.call('/v1/whoami', { headers: scheme.headers(plaintext) });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const body = await response.json();
      expect(body).toEqual({
        app: 'Pyas',
        keyId: `${key.keyPrefix}_${key.keyId}`,
        name: 'Production',
        scopes: ['read:items', 'read:users'],
        expiresAt: '2027-11-23T10:15:00.000Z',
      });
      expect(JSON.stringify(body)).not.toContain(plaintext);
    });
  }

  it('accepts scheme names in any case and a never-expiring key (expiresAt null)', async () => {
    const { plaintext } = await f.issue({ expiration: { kind: 'never' } });
    const response = await f.call('/v1/whoami', { headers: { authorization: `bearer ${plaintext}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ expiresAt: null });
    expect((await f.call('/v1/whoami', { headers: { authorization: `API-KEY ${plaintext}` } })).status).toBe(200);
  });

  it('answers 401 MISSING_KEY without a key', async () => {
    await expectUnauthorized(await f.call('/v1/whoami'), 'MISSING_KEY');
  });

  it('answers 401 MALFORMED for a key of the wrong shape, in every scheme', async () => {
    const { plaintext } = await f.issue();
    const typo = `${plaintext.slice(0, -1)}${plaintext.endsWith('a') ? 'b' : 'a'}`; // checksum no longer matches
    for (const scheme of SCHEMES) {
      await expectUnauthorized(await f.call('/v1/whoami', { headers: scheme.headers(typo) }), 'MALFORMED');
      await expectUnauthorized(await f.call('/v1/whoami', { headers: scheme.headers('not-a-key') }), 'MALFORMED');
    }
  });

  it('answers 401 MALFORMED for malformed headers and unknown schemes', async () => {
    const { plaintext } = await f.issue();
    const malformed: Record<string, string>[] = [
      { authorization: plaintext }, // no scheme
      { authorization: `Basic ${Buffer.from(`user:${plaintext}`).toString('base64')}` },
      { authorization: `Token ${plaintext}` },
      { authorization: 'Bearer' },
      { authorization: `Bearer ${plaintext} extra` },
      { authorization: `Api-Key: ${plaintext}` },
      { authorization: `Bearer  ${plaintext}, Bearer ${plaintext}` },
      { 'x-api-key': `Bearer ${plaintext}` },
      { 'x-api-key': '' },
    ];
    for (const headers of malformed) {
      await expectUnauthorized(await f.call('/v1/whoami', { headers }), 'MALFORMED');
    }
  });

  it('answers 401 MALFORMED when the key comes in two headers at once, even the same valid key', async () => {
    const { plaintext } = await f.issue();
    const both = await f.call('/v1/whoami', {
      headers: { 'x-api-key': plaintext, authorization: `Bearer ${plaintext}` },
    });
    await expectUnauthorized(both, 'MALFORMED');
    // Repeated headers of the same name: Node would keep only the first Authorization; we refuse.
    for (const name of ['Authorization', 'x-api-key']) {
      const value = name === 'x-api-key' ? plaintext : `Bearer ${plaintext}`;
      const twice = await rawRequest(f.api.port, {
        path: '/v1/whoami',
        headers: ['Host', `127.0.0.1:${f.api.port}`, name, value, name, value],
      });
      expect(twice.status).toBe(401);
      expect(twice.json()).toMatchObject({ code: 'MALFORMED' });
    }
  });

  it('answers 401 NOT_FOUND for a well-formed key this Keyhaven did not issue', async () => {
    const { plaintext } = await f.issue();
    const other = await openFixture();
    try {
      const foreign = (await other.issue()).plaintext; // same shape and prefix, another installation
      await expectUnauthorized(
        await f.call('/v1/whoami', { headers: { authorization: `Bearer ${foreign}` } }),
        'NOT_FOUND',
      );
    } finally {
      await other.dispose();
    }
    expect((await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } })).status).toBe(200);
  });

  it('answers 401 EXPIRED once the key has expired', async () => {
    const { plaintext } = await f.issue({ expiration: { kind: 'preset', preset: '1h' } });
    expect((await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } })).status).toBe(200);
    f.clock.advance(HOUR);
    for (const scheme of SCHEMES) {
      await expectUnauthorized(await f.call('/v1/whoami', { headers: scheme.headers(plaintext) }), 'EXPIRED');
    }
  });

  it('answers 401 REVOKED for a revoked key', async () => {
    const { plaintext, key } = await f.issue();
    await f.t.core.lifecycle.revoke(key.id);
    for (const scheme of SCHEMES) {
      await expectUnauthorized(await f.call('/v1/whoami', { headers: scheme.headers(plaintext) }), 'REVOKED');
    }
  });

  it('lets a rotated key work during its grace period, then answers 401 REVOKED', async () => {
    const old = await f.issue();
    const rotated = await f.t.core.lifecycle.rotate(old.key.id, '1h');
    const asBearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
    expect((await f.call('/v1/whoami', asBearer(old.plaintext))).status).toBe(200);
    f.clock.advance(HOUR);
    await expectUnauthorized(await f.call('/v1/whoami', asBearer(old.plaintext)), 'REVOKED');
    const current = await f.call('/v1/whoami', asBearer(rotated.plaintext));
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ keyId: `${rotated.key.keyPrefix}_${rotated.key.keyId}` });
  });

  it('never echoes the presented key in an answer or a log', async () => {
    const { plaintext, key } = await f.issue();
    await f.t.core.lifecycle.revoke(key.id);
    const answers: string[] = [];
    const sent: Record<string, string>[] = [{ 'x-api-key': plaintext }, { authorization: `Token ${plaintext}` }];
    for (const headers of sent) {
      const response = await f.call('/v1/whoami', { headers });
      answers.push(JSON.stringify([...response.headers]), await response.text());
    }
    const verify = await f.call('/v1/keys/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: plaintext, extra: plaintext }),
    });
    answers.push(await verify.text());
    for (const text of [...answers, ...f.logged]) expect(text).not.toContain(plaintext.slice(0, 20));
  });
});
