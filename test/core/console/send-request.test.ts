import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConsoleError } from '../../../electron/core/console/console-error';
import { ConsoleRequests } from '../../../electron/core/console/console-requests';
import { sendRequest, type SendOptions } from '../../../electron/core/console/send-request';
import type { HeaderScheme } from '../../../shared/catalogs/service-presets';
import { consoleRequestSchema, type ConsoleRequestInput } from '../../../shared/console/request';
import {
  echo,
  headerLines,
  loopbackLookup,
  selfSignedCertificate,
  startServer,
  type Certificate,
  type Handler,
  type TestServer,
} from './servers';

const KEY = 'pyas_n58lZyBi.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0Xy3kP9';
const ENTRY_ID = randomUUID();

const servers: TestServer[] = [];
async function server(handler?: Handler, tls?: Certificate): Promise<TestServer> {
  const started = await startServer(handler, tls);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const request = (input: ConsoleRequestInput) => consoleRequestSchema.parse(input);
const typed = (scheme: HeaderScheme) => ({ kind: 'typed' as const, key: KEY, scheme });

/** An entry whose secret is KEY, with the given allowed hosts; counts reveals. */
function entry(allowedHosts: string[] = []): SendOptions & { reveals: () => number } {
  const reveal = vi.fn(() => KEY);
  return {
    revealSecret: reveal,
    allowedHostsOf: () => allowedHosts,
    reveals: () => reveal.mock.calls.length,
  };
}

/** Rejection of `promise` as a ConsoleError; also checks that its message never holds the key. */
async function failure(promise: Promise<unknown>): Promise<ConsoleError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConsoleError);
  expect((error as ConsoleError).message).not.toContain(KEY);
  return error as ConsoleError;
}

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

describe('redirects', () => {
  const redirectTo =
    (location: string, status = 302): Handler =>
    (req, res, seen) => {
      if (req.url?.startsWith('/start')) {
        res.writeHead(status, { location });
        res.end();
      } else echo(req, res, seen);
    };

  it('to the same origin keep the key (header and query)', async () => {
    const api = await server(redirectTo('/end'));
    const response = await sendRequest(
      request({ method: 'GET', url: `${api.origin}/start`, auth: typed({ kind: 'bearer' }) }),
    );
    expect(response.status).toBe(200);
    expect(response.redirects).toEqual([{ url: `${api.origin}/end`, status: 302 }]);
    expect(api.seen.map((s) => s.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    expect(response.keyWithheldAt).toBeUndefined();

    const query = await server(redirectTo('/end?x=1'));
    await sendRequest(
      request({ method: 'GET', url: `${query.origin}/start`, auth: typed({ kind: 'query', name: 'key' }) }),
    );
    expect(new URL(query.seen[1]!.url, query.origin).searchParams.get('key')).toBe(KEY);
    expect(new URL(query.seen[1]!.url, query.origin).searchParams.get('x')).toBe('1');
  });

  it('to another origin drop the key and credential headers; the response says where', async () => {
    const other = await server();
    const api = await server(redirectTo(`${other.localhostOrigin}/landing`));
    for (const scheme of [{ kind: 'x-api-key' }, { kind: 'bearer' }, { kind: 'query', name: 'api_key' }] as const) {
      const response = await sendRequest(
        request({
          method: 'GET',
          url: `${api.origin}/start`,
          headers: [
            { name: 'Cookie', value: 'session=1', enabled: true },
            { name: 'X-Trace', value: 'kept', enabled: true },
          ],
          auth: { kind: 'entry', entryId: ENTRY_ID, scheme },
        }),
        entry([`127.0.0.1:${api.port}`]),
      );
      expect(response.status).toBe(200);
      expect(response.keyWithheldAt).toBe(other.localhostOrigin);
      const landed = other.seen.at(-1)!;
      expect(landed.url).toBe('/landing');
      expect(JSON.stringify(landed)).not.toContain(KEY);
      expect(landed.headers.authorization).toBeUndefined();
      expect(landed.headers['x-api-key']).toBeUndefined();
      expect(landed.headers.cookie).toBeUndefined();
      expect(landed.headers['x-trace']).toBe('kept');
    }
    expect(JSON.stringify(api.seen)).toContain(KEY); // the first origin did get it
  });

  it('to another origin that echoes the key in its query: the parameter is dropped', async () => {
    const other = await server();
    const api = await server((req, res, seen) => {
      if (req.url?.startsWith('/start')) {
        const query = new URL(req.url, 'http://x').search;
        res.writeHead(307, { location: `${other.origin}/next${query}` });
        res.end();
      } else echo(req, res, seen);
    });
    const response = await sendRequest(
      request({ method: 'GET', url: `${api.origin}/start?a=1`, auth: typed({ kind: 'query', name: 'api_key' }) }),
    );
    expect(other.seen[0]!.url).toBe('/next?a=1');
    expect(response.redirects[0]!.url).not.toContain(KEY);
    expect(response.keyWithheldAt).toBe(other.origin);
  });

  it('to another origin with the key in its path is not followed', async () => {
    const other = await server();
    const api = await server(redirectTo(`${other.origin}/leak/${KEY}`));
    const error = await failure(
      sendRequest(request({ method: 'GET', url: `${api.origin}/start`, auth: typed({ kind: 'x-api-key' }) })),
    );
    expect(error.reason).toBe('BAD_REDIRECT');
    expect(other.seen).toHaveLength(0);
  });

  it('303, and 301/302 after POST, continue as GET without the body; 307/308 repeat method and body', async () => {
    for (const [status, method] of [
      [303, 'GET'],
      [301, 'GET'],
      [302, 'GET'],
      [307, 'POST'],
      [308, 'POST'],
    ] as const) {
      const api = await server(redirectTo('/end', status));
      await sendRequest(
        request({ method: 'POST', url: `${api.origin}/start`, body: { kind: 'json', text: '{"a":1}' } }),
      );
      const end = api.seen[1]!;
      expect([status, end.method]).toEqual([status, method]);
      expect(end.body).toBe(method === 'POST' ? '{"a":1}' : '');
      expect(end.headers['content-type']).toBe(method === 'POST' ? 'application/json' : undefined);
    }
  });

  it('at most 5: the 6th is refused', async () => {
    const chain =
      (hops: number): Handler =>
      (req, res, seen) => {
        const n = Number(/^\/r\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
        if (n < hops) {
          res.writeHead(302, { location: `/r/${n + 1}` });
          res.end();
        } else echo(req, res, seen);
      };
    const five = await server(chain(5));
    const ok = await sendRequest(request({ method: 'GET', url: `${five.origin}/r/0` }));
    expect(ok.status).toBe(200);
    expect(ok.redirects).toHaveLength(5);

    const six = await server(chain(6));
    const error = await failure(sendRequest(request({ method: 'GET', url: `${six.origin}/r/0` })));
    expect(error.reason).toBe('TOO_MANY_REDIRECTS');
    expect(six.seen).toHaveLength(6);
  });

  it('a redirect without Location is the final response', async () => {
    const api = await server((_req, res) => {
      res.writeHead(302);
      res.end('moved');
    });
    const response = await sendRequest(request({ method: 'GET', url: `${api.origin}/` }));
    expect([response.status, response.statusText, response.bodyText]).toEqual([302, 'Found', 'moved']);
  });
});

describe('TLS', () => {
  let cert: Certificate | null = null;
  beforeAll(async () => {
    cert = await selfSignedCertificate();
    if (!cert) console.warn('openssl is not installed: the https tests are skipped.');
  });

  it('a self-signed certificate is refused by default', async ({ skip }) => {
    if (!cert) return skip();
    const api = await server(echo, cert);
    const error = await failure(sendRequest(request({ method: 'GET', url: `${api.localhostOrigin}/` })));
    expect(error.reason).toBe('TLS');
    expect(error.message).toContain('Accept a self-signed certificate (localhost only)');
  });

  it('is accepted with the option for localhost and 127.0.0.1 only', async ({ skip }) => {
    if (!cert) return skip();
    const api = await server(echo, cert);
    for (const origin of [api.localhostOrigin, api.origin]) {
      const response = await sendRequest(
        request({
          method: 'GET',
          url: `${origin}/`,
          allowSelfSignedLocalhost: true,
          auth: typed({ kind: 'x-api-key' }),
        }),
      );
      expect(response.status).toBe(200);
    }
    expect(api.seen.map((s) => s.headers['x-api-key'])).toEqual([KEY, KEY]);
    // The same server under another name (its certificate names it too): still refused.
    const error = await failure(
      sendRequest(
        request({ method: 'GET', url: `https://selfsigned.test:${api.port}/`, allowSelfSignedLocalhost: true }),
        {
          lookup: loopbackLookup,
        },
      ),
    );
    expect(error.reason).toBe('TLS');
    expect(error.message).toContain('only for localhost');
    expect(api.seen).toHaveLength(2);
  });

  it('https → http is refused, and the http server sees nothing', async ({ skip }) => {
    if (!cert) return skip();
    const plain = await server();
    const secure = await server((_req, res) => {
      res.writeHead(302, { location: `${plain.origin}/insecure` });
      res.end();
    }, cert);
    const error = await failure(
      sendRequest(
        request({
          method: 'GET',
          url: `${secure.localhostOrigin}/`,
          allowSelfSignedLocalhost: true,
          auth: typed({ kind: 'bearer' }),
        }),
      ),
    );
    expect(error.reason).toBe('INSECURE_REDIRECT');
    expect(error.message).toContain('from https to plain http');
    expect(plain.seen).toHaveLength(0);
  });
});

describe('timeout and cancel', () => {
  it('a server that never answers times out', async () => {
    const api = await server(() => undefined);
    const error = await failure(sendRequest(request({ method: 'GET', url: `${api.origin}/`, timeoutMs: 200 })));
    expect(error.reason).toBe('TIMEOUT');
    expect(error.message).toContain('0.2 s');
  });

  it('Cancel aborts a request waiting for its response, through the registry', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const api = await server(() => arrived());
    const requests = new ConsoleRequests();
    const id = randomUUID();
    const pending = requests.run(id, (signal) =>
      sendRequest(request({ method: 'GET', url: `${api.origin}/`, auth: typed({ kind: 'x-api-key' }) }), { signal }),
    );
    await arrival;
    expect(requests.size).toBe(1);
    expect(requests.cancel(id)).toBe(true);
    const error = await failure(pending);
    expect(error.reason).toBe('CANCELLED');
    expect(requests.size).toBe(0);
    expect(requests.cancel(id)).toBe(false);
  });

  it('Cancel aborts while the body is arriving', async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const api = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part', () => arrived());
    });
    const controller = new AbortController();
    const pending = sendRequest(request({ method: 'GET', url: `${api.origin}/` }), { signal: controller.signal });
    await arrival;
    controller.abort();
    expect((await failure(pending)).reason).toBe('CANCELLED');
  });

  it('a second request with a running id is a conflict', async () => {
    const requests = new ConsoleRequests();
    let release!: () => void;
    const first = requests.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(requests.run('a', async () => undefined)).rejects.toMatchObject({ code: 'CONFLICT' });
    release();
    await first;
  });

  it('an already aborted signal sends nothing', async () => {
    const api = await server();
    const error = await failure(
      sendRequest(request({ method: 'GET', url: `${api.origin}/` }), { signal: AbortSignal.abort() }),
    );
    expect(error.reason).toBe('CANCELLED');
    expect(api.seen).toHaveLength(0);
  });
});

describe('the response', () => {
  it('is cut at the size cap and marked truncated', async () => {
    const api = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('a'.repeat(200_000));
    });
    const response = await sendRequest(request({ method: 'GET', url: `${api.origin}/`, maxBytes: 4096 }));
    expect(response.truncated).toBe(true);
    expect(response.sizeBytes).toBe(4096);
    expect(response.bodyText).toBe('a'.repeat(4096));
  });

  it('exactly at the cap is not truncated', async () => {
    const api = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('b'.repeat(4096));
    });
    const response = await sendRequest(request({ method: 'GET', url: `${api.origin}/`, maxBytes: 4096 }));
    expect([response.truncated, response.sizeBytes]).toEqual([false, 4096]);
  });

  it('gzip is decompressed, and the cap applies to what it expands to', async () => {
    const api = await server((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(req.url === '/big' ? '0'.repeat(5_000_000) : '{"ok":true}'));
    });
    const small = await sendRequest(request({ method: 'GET', url: `${api.origin}/small` }));
    expect(small.bodyText).toBe('{"ok":true}');
    const big = await sendRequest(request({ method: 'GET', url: `${api.origin}/big`, maxBytes: 8192 }));
    expect([big.truncated, big.sizeBytes]).toEqual([true, 8192]);
  });

  it('binary content is omitted', async () => {
    const api = await server((req, res) => {
      res.writeHead(200, req.url === '/png' ? { 'content-type': 'image/png' } : {});
      res.end(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), randomBytes(512)]));
    });
    for (const path of ['/png', '/untyped']) {
      const response = await sendRequest(request({ method: 'GET', url: `${api.origin}${path}` }));
      expect([response.bodyEncoding, response.bodyText]).toEqual(['binary-omitted', '']);
      expect(response.sizeBytes).toBe(519);
    }
  });

  it('carries status meaning, headers as sent, content type, time and size', async () => {
    const api = await server((_req, res) => {
      res.writeHead(404, 'Nope', { 'Content-Type': 'text/plain; charset=utf-8', 'X-Request-Id': 'r1' });
      res.end('héllo');
    });
    const response = await sendRequest(request({ method: 'GET', url: `${api.origin}/missing` }));
    expect(response).toMatchObject({
      status: 404,
      statusText: 'Not Found',
      bodyText: 'héllo',
      bodyEncoding: 'utf8',
      sizeBytes: 6,
      truncated: false,
      contentType: 'text/plain; charset=utf-8',
      redirects: [],
    });
    expect(response.headers).toContainEqual(['X-Request-Id', 'r1']);
    expect(response.timeMs).toBeGreaterThanOrEqual(0);
  });

  it('network failures are clear errors without the key', async () => {
    const api = await server();
    const port = api.port;
    await api.close();
    servers.splice(servers.indexOf(api), 1);
    const error = await failure(
      sendRequest(request({ method: 'GET', url: `http://127.0.0.1:${port}/`, auth: typed({ kind: 'bearer' }) })),
    );
    expect(error.reason).toBe('NETWORK');
    expect(error.message).toContain('refused the connection');
  });
});

afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
