// sendRequest: where the key goes for each scheme, headers and bodies, and an entry's allowed hosts.
import { describe, expect, it } from 'vitest';
import { sendRequest } from '../../../electron/core/console/send-request';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import { headerLines } from './servers';
import { closeServersAfterEach, ENTRY_ID, entry, failure, KEY, request, server, typed } from './send-request-fixture';

closeServersAfterEach();

describe('the key arrives exactly as the scheme says', () => {
  const cases: [HeaderScheme, string][] = [
    [{ kind: 'x-api-key' }, `x-api-key: ${KEY}`],
    [{ kind: 'api-key' }, `Authorization: Api-Key ${KEY}`],
    [{ kind: 'bearer' }, `Authorization: Bearer ${KEY}`],
    [{ kind: 'header', name: 'X-Custom-Token' }, `X-Custom-Token: ${KEY}`],
  ];
  for (const [scheme, line] of cases) {
    it(`${scheme.kind}: a vault entry's key`, async () => {
      const api = await server();
      const options = entry();
      const response = await sendRequest(
        request({ method: 'GET', url: `${api.origin}/v1/whoami`, auth: { kind: 'entry', entryId: ENTRY_ID, scheme } }),
        options,
      );
      expect(response.status).toBe(200);
      expect(response.statusText).toBe('OK');
      const arrived = headerLines(api.seen[0]!);
      expect(arrived).toContain(line);
      expect(arrived.filter((l) => l.includes(KEY))).toEqual([line]);
      expect(options.reveals()).toBe(1);
      // The echo holds the vault key: the renderer gets it masked whole, not even its first characters.
      expect(response.bodyText).not.toContain(KEY);
      expect(response.bodyText).not.toContain(KEY.slice(0, 9));
      expect(response.bodyText).toContain('••••••••');
      expect(response.keyMasked).toBe(true);
    });
  }

  it('a typed key replaces a header row of the same name, and is not masked in the body', async () => {
    const api = await server();
    const response = await sendRequest(
      request({
        method: 'GET',
        url: `${api.origin}/x`,
        headers: [{ name: 'authorization', value: 'Bearer stale', enabled: true }],
        auth: typed({ kind: 'bearer' }),
      }),
    );
    expect(api.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headerLines(api.seen[0]!).filter((l) => /^authorization:/i.test(l))).toHaveLength(1);
    expect(response.bodyText).toContain(KEY);
  });

  it('query scheme: appended as a parameter, replacing one of the same name; the URL shown is masked', async () => {
    const api = await server();
    const response = await sendRequest(
      request({
        method: 'GET',
        url: `${api.origin}/v1/items?a=1&api_key=old`,
        query: [{ name: 'b', value: 'x y', enabled: true }],
        auth: typed({ kind: 'query', name: 'api_key' }),
      }),
    );
    const url = new URL(api.seen[0]!.url, api.origin);
    expect(url.searchParams.getAll('api_key')).toEqual([KEY]);
    expect(url.searchParams.get('a')).toBe('1');
    expect(url.searchParams.get('b')).toBe('x y');
    expect(headerLines(api.seen[0]!).some((l) => l.includes(KEY))).toBe(false);
    expect(response.url).not.toContain(KEY);
    expect(response.url).toContain('api_key=pyas_n58l');
  });

  it('no auth: no key, default User-Agent and Accept, user headers as typed; disabled rows not sent', async () => {
    const api = await server();
    await sendRequest(
      request({
        method: 'GET',
        url: `${api.origin}/`,
        headers: [
          { name: 'X-Trace', value: 'abc', enabled: true },
          { name: 'X-Off', value: 'no', enabled: false },
          { name: '', value: 'blank row', enabled: true },
        ],
      }),
      { userAgent: 'Keyhaven/9.9' },
    );
    const lines = headerLines(api.seen[0]!);
    expect(lines).toContain('X-Trace: abc');
    expect(lines).toContain('User-Agent: Keyhaven/9.9');
    expect(lines).toContain('Accept: */*');
    expect(lines.some((l) => l.startsWith('X-Off'))).toBe(false);
  });

  it('bodies: JSON, form and raw with their content types', async () => {
    const api = await server();
    const base = { method: 'POST' as const, url: `${api.origin}/b` };
    await sendRequest(request({ ...base, body: { kind: 'json', text: '{"a":1}' } }));
    await sendRequest(request({ ...base, body: { kind: 'form', fields: [{ name: 'a b', value: 'c&d' }] } }));
    await sendRequest(request({ ...base, body: { kind: 'raw', text: '<x/>', contentType: 'application/xml' } }));
    expect(api.seen.map((s) => [s.headers['content-type'], s.body])).toEqual([
      ['application/json', '{"a":1}'],
      ['application/x-www-form-urlencoded', 'a+b=c%26d'],
      ['application/xml', '<x/>'],
    ]);
  });
});

describe("an entry's allowed hosts", () => {
  it('refuse another host before the secret is decrypted, and nothing is sent', async () => {
    const api = await server();
    const options = entry(['api.example.com', '*.example.com']);
    const error = await failure(
      sendRequest(
        request({
          method: 'GET',
          url: `${api.origin}/`,
          auth: { kind: 'entry', entryId: ENTRY_ID, scheme: { kind: 'x-api-key' } },
        }),
        options,
      ),
    );
    expect(error.reason).toBe('HOST_NOT_ALLOWED');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`127.0.0.1:${api.port} is not one of this entry's allowed hosts`);
    expect(options.reveals()).toBe(0);
    expect(api.seen).toHaveLength(0);
  });

  it('accept a listed host (with its port)', async () => {
    const api = await server();
    const response = await sendRequest(
      request({
        method: 'GET',
        url: `${api.origin}/`,
        auth: { kind: 'entry', entryId: ENTRY_ID, scheme: { kind: 'x-api-key' } },
      }),
      entry(['api.example.com', `127.0.0.1:${api.port}`]),
    );
    expect(response.status).toBe(200);
    expect(api.seen[0]!.headers['x-api-key']).toBe(KEY);
  });
});
