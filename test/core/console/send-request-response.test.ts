// sendRequest's answer: size cap, gzip, binary bodies, status and headers, network failures.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sendRequest } from '../../../electron/core/console/send-request';
import { closeServersAfterEach, failure, request, server, servers, typed } from './send-request-fixture';

closeServersAfterEach();

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
