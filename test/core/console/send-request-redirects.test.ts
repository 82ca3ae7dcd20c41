// sendRequest following redirects: where the key goes, methods and bodies, the limit.
import { describe, expect, it } from 'vitest';
import { sendRequest } from '../../../electron/core/console/send-request';
import { echo, type Handler } from './servers';
import { closeServersAfterEach, ENTRY_ID, entry, failure, KEY, request, server, typed } from './send-request-fixture';

closeServersAfterEach();

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
