// sendRequest with a multipart body (issue 16): the bytes, the Content-Type with its boundary, redirects.
import { describe, expect, it } from 'vitest';
import { sendRequest } from '../../../electron/core/console/send-request';
import { multipartFields } from '../../support/multipart-fields';
import { echo, type Handler, type Seen } from './servers';
import { closeServersAfterEach, KEY, request, server, typed } from './send-request-fixture';

closeServersAfterEach();

const PARTS = [
  { name: 'purpose', value: 'fine-tune', contentType: '' },
  { name: 'meta', value: '{"title":"Q2; final"}', contentType: 'application/json' },
];

const formOf = (seen: Seen) => multipartFields(seen.body, seen.headers['content-type'] ?? '');

const boundaryOf = (seen: Seen) => /boundary=(.+)$/.exec(seen.headers['content-type'] ?? '')?.[1] ?? '';

describe('multipart bodies', () => {
  it('go out as multipart/form-data with a boundary, each part as written', async () => {
    const api = await server();
    await sendRequest(
      request({
        method: 'POST',
        url: `${api.origin}/upload`,
        body: { kind: 'multipart', parts: PARTS },
        auth: typed({ kind: 'bearer' }),
      }),
    );
    const seen = api.seen[0]!;
    const boundary = boundaryOf(seen);
    expect(boundary).toMatch(/^-{24}[0-9a-f]{16}$/);
    expect(seen.headers['content-type']).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(seen.body)));
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen.body).toContain(
      'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n',
    );
    expect(await formOf(seen)).toEqual([
      ['purpose', 'fine-tune'],
      ['meta', '{"title":"Q2; final"}'],
    ]);
  });

  it('keep a typed multipart Content-Type row, adding the boundary to it or using the one it names', async () => {
    const api = await server();
    const send = (value: string) =>
      sendRequest(
        request({
          method: 'POST',
          url: `${api.origin}/upload`,
          headers: [{ name: 'content-type', value, enabled: true }],
          body: { kind: 'multipart', parts: PARTS },
        }),
      );
    await send('multipart/form-data; charset=utf-8');
    await send('multipart/form-data; boundary=KeyhavenTest');
    expect(api.seen[0]!.headers['content-type']).toBe(
      `multipart/form-data; charset=utf-8; boundary=${boundaryOf(api.seen[0]!)}`,
    );
    expect(api.seen[1]!.headers['content-type']).toBe('multipart/form-data; boundary=KeyhavenTest');
    expect(api.seen[1]!.body.startsWith('--KeyhavenTest\r\n')).toBe(true);
    expect(api.seen[0]!.rawHeaders.filter((h) => h.toLowerCase() === 'content-type')).toHaveLength(1);
    for (const seen of api.seen) expect(await formOf(seen)).toHaveLength(2);
  });

  it('a 307 repeats the same body under the same boundary; a 303 drops body and Content-Type', async () => {
    for (const status of [307, 303]) {
      const redirect: Handler = (req, res, seen) => {
        if (req.url === '/start') res.writeHead(status, { location: '/end' }).end();
        else echo(req, res, seen);
      };
      const api = await server(redirect);
      await sendRequest(
        request({ method: 'POST', url: `${api.origin}/start`, body: { kind: 'multipart', parts: PARTS } }),
      );
      const [first, second] = api.seen;
      if (status === 307) {
        expect(second!.method).toBe('POST');
        expect(second!.headers['content-type']).toBe(first!.headers['content-type']);
        expect(second!.body).toBe(first!.body);
      } else {
        expect(second!.method).toBe('GET');
        expect(second!.headers['content-type']).toBeUndefined();
        expect(second!.body).toBe('');
      }
    }
  });
});
