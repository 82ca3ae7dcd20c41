import { rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { startTestApi } from '../../../electron/core/test-api/test-api-server';
import { generateInput } from '../../support/generate-input';
import { MemoryKeychain } from '../../support/memory-keychain';
import { openTestCore } from '../../support/open-test-core';
import { openFixture, rawRequest, testApiKeys, type Fixture } from './test-api-fixture';

/** Resolves with the connection's outcome: 'connected' or the error code (ECONNREFUSED). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
}

describe('local test API: Host, Origin, routes', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.dispose());

  it('answers on every loopback name with its port', async () => {
    const { plaintext } = await f.issue();
    for (const host of [
      `127.0.0.1:${f.api.port}`,
      `localhost:${f.api.port}`,
      `LocalHost:${f.api.port}`,
      `[::1]:${f.api.port}`,
    ]) {
      const response = await rawRequest(f.api.port, { path: '/v1/whoami', headers: { host, 'x-api-key': plaintext } });
      expect(response.status, host).toBe(200);
    }
    expect(f.api.baseUrl).toBe(`http://127.0.0.1:${f.api.port}`);
  });

  it('refuses a foreign Host (DNS rebinding) with 421 FORBIDDEN_HOST, before looking at the key', async () => {
    const { plaintext } = await f.issue();
    const port = f.api.port;
    const foreign = [
      `attacker.example:${port}`,
      'attacker.example',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.attacker.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `0.0.0.0:${port}`,
      `192.168.1.10:${port}`,
    ];
    for (const host of foreign) {
      const response = await rawRequest(port, { path: '/v1/whoami', headers: { host, 'x-api-key': plaintext } });
      expect(response.status, host).toBe(421);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN_HOST' });
      expect(response.headers['content-type']).toBe('application/json');
    }
    // HTTP/1.0 may leave Host out: refused too.
    const noHost = await rawHttp(port, 'GET /v1/whoami HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/^HTTP\/1\.1 421 /);
    expect(f.t.core.keys.list(f.appId)[0]?.useCount).toBe(0);
  });

  it('refuses browser requests from another origin with 403 FORBIDDEN_ORIGIN, and sends no CORS headers', async () => {
    const { plaintext } = await f.issue();
    const port = f.api.port;
    for (const origin of [
      'https://attacker.example',
      `http://localhost:${port + 1}`,
      `https://127.0.0.1:${port}`,
      'null',
    ]) {
      const response = await f.call('/v1/whoami', { headers: { origin, 'x-api-key': plaintext } });
      expect(response.status, origin).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN_ORIGIN' });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    // A cross-site request without Origin (an <img>, a no-cors GET) carries Sec-Fetch-Site.
    for (const site of ['cross-site', 'same-site']) {
      const response = await f.call('/v1/whoami', { headers: { 'sec-fetch-site': site } });
      expect(response.status).toBe(403);
    }
    // A preflight is not answered with CORS either: the method is not allowed.
    const preflight = await f.call('/v1/keys/verify', {
      method: 'OPTIONS',
      headers: { origin: `http://127.0.0.1:${port}`, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Our own origin (a page served from this port, or typed into the address bar) is fine.
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const response = await f.call('/v1/whoami', {
        headers: { origin, 'sec-fetch-site': 'same-origin', 'x-api-key': plaintext },
      });
      expect(response.status).toBe(200);
    }
    expect((await f.call('/v1/whoami', { headers: { 'sec-fetch-site': 'none', 'x-api-key': plaintext } })).status).toBe(
      200,
    );
  });

  it('answers 404 NOT_FOUND_ROUTE for unknown paths and 405 with Allow for a wrong method', async () => {
    for (const path of ['/', '/v1', '/v1/whoami/', '/v2/whoami', '/V1/WHOAMI', '/v1/keys']) {
      const response = await f.call(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND_ROUTE' });
    }
    const cases: [string, string, string][] = [
      ['POST', '/v1/whoami', 'GET'],
      ['DELETE', '/v1/whoami', 'GET'],
      ['HEAD', '/v1/whoami', 'GET'],
      ['GET', '/v1/keys/verify', 'POST'],
      ['PUT', '/v1/keys/verify', 'POST'],
      ['POST', '/v1/scopes/read:items', 'GET'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await f.call(path, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      if (method !== 'HEAD') expect(await response.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    }
    // An absolute-form request target (as sent to a proxy) is not ours.
    const absolute = await rawHttp(
      f.api.port,
      `GET http://127.0.0.1:${f.api.port}/v1/whoami HTTP/1.1\r\nHost: 127.0.0.1:${f.api.port}\r\n\r\n`,
    );
    expect(absolute).toMatch(/^HTTP\/1\.1 404 /);
  });

  it('answers a request that is not HTTP with a JSON 400 and closes', async () => {
    const answer = await rawHttp(f.api.port, 'HELLO\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"code":"BAD_REQUEST"');
    expect(answer).toContain('x-content-type-options: nosniff');
  });

  it('keeps the connection alive between requests', async () => {
    const { plaintext } = await f.issue();
    const request = `GET /v1/whoami HTTP/1.1\r\nHost: 127.0.0.1:${f.api.port}\r\nx-api-key: ${plaintext}\r\n\r\n`;
    const answer = await rawHttp(f.api.port, request + request, 2);
    expect(answer.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(answer).toMatch(/connection: keep-alive/i);
  });

  it('answers 500 INTERNAL without details when something fails inside, and logs it redacted', async () => {
    const { plaintext } = await f.issue();
    vi.spyOn(f.t.core.keys, 'verifyKey').mockRejectedValueOnce(new Error(`disk on fire near ${plaintext}`));
    const response = await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/\(reference [0-9a-f]{8}\)/) });
    expect(text).not.toContain('fire');
    expect(f.logged).toHaveLength(1);
    expect(f.logged[0]).toContain('disk on fire');
    // The reference in the answer finds the line in the log.
    expect(f.logged[0]).toContain(`(ref ${/reference ([0-9a-f]{8})/.exec(text)?.[1]})`);
    expect(f.logged[0]).not.toContain(plaintext.slice(0, 20));
    // The server goes on.
    expect((await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } })).status).toBe(200);
  });
});

describe('local test API: listening', () => {
  it('listens on 127.0.0.1 only', async () => {
    const f = await openFixture();
    try {
      expect(await tryConnect('127.0.0.1', f.api.port)).toBe('connected');
      const elsewhere = Object.values(networkInterfaces())
        .flatMap((list) => list ?? [])
        .filter((i) => !i.internal)
        .map((i) => i.address);
      if (process.platform === 'linux') elsewhere.push('127.0.0.2'); // all of 127/8 is loopback on Linux
      elsewhere.push('::1');
      for (const address of elsewhere) {
        expect(await tryConnect(address, f.api.port), address).not.toBe('connected');
      }
    } finally {
      await f.dispose();
    }
  });

  it('frees its port on close, even with keep-alive connections open; close is idempotent', async () => {
    const f = await openFixture();
    const { plaintext } = await f.issue();
    const port = f.api.port;
    expect((await f.call('/v1/whoami', { headers: { 'x-api-key': plaintext } })).status).toBe(200); // pooled socket
    // And a connection in the middle of a request: close() does not wait for it.
    const busy = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => busy.once('connect', resolve));
    const busyClosed = new Promise((resolve) => busy.once('close', resolve));
    busy.on('error', () => undefined);
    busy.write(`GET /v1/whoami HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    await f.api.close();
    await busyClosed;
    await f.api.close();
    expect(await tryConnect('127.0.0.1', port)).toBe('ECONNREFUSED');
    const again = await startTestApi({ keys: testApiKeys(f.t.core), port });
    expect(again.port).toBe(port);
    expect((await fetch(`${again.baseUrl}/v1/whoami`, { headers: { 'x-api-key': plaintext } })).status).toBe(200);
    await again.close();
    const plain = await listenOn(port);
    await new Promise((resolve) => plain.close(resolve));
    await f.t.dispose();
  });

  it('listens on a chosen port, and says clearly when it is taken or invalid', async () => {
    const f = await openFixture();
    try {
      const taken = await listenOn(0);
      const port = (taken.address() as { port: number }).port;
      await expect(startTestApi({ keys: testApiKeys(f.t.core), port })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`Port ${port} is already in use`),
      });
      await new Promise((resolve) => taken.close(resolve));
      const chosen = await startTestApi({ keys: testApiKeys(f.t.core), port });
      expect(chosen.port).toBe(port);
      await chosen.close();
      for (const bad of [-1, 65_536, 1.5]) {
        await expect(startTestApi({ keys: testApiKeys(f.t.core), port: bad })).rejects.toMatchObject({
          code: 'INVALID_INPUT',
        });
      }
      await expect(startTestApi({ keys: testApiKeys(f.t.core), host: '0.0.0.0' as '127.0.0.1' })).rejects.toMatchObject(
        {
          code: 'INVALID_INPUT',
        },
      );
    } finally {
      await f.dispose();
    }
  });

  it('answers 503 KEYCHAIN_UNAVAILABLE when keys cannot be checked', async () => {
    const keychain = new MemoryKeychain();
    const first = await openTestCore({ keychain });
    const appId = (await first.core.apps.create({ name: 'Pyas' })).id;
    const { plaintext } = await first.core.keys.generate(generateInput(appId));
    await first.core.close();
    // The same data reopened with the keychain gone before its first check.
    keychain.unavailable = true;
    const core = await openCore({ dataDir: first.dataDir, keychain, version: 'test' });
    const logged: string[] = [];
    const api = await startTestApi({ keys: testApiKeys(core), logError: (line) => logged.push(line) });
    try {
      const response = await fetch(`${api.baseUrl}/v1/whoami`, { headers: { 'x-api-key': plaintext } });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
      expect(logged).toEqual([]);
    } finally {
      await api.close();
      await core.close();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});

/** Writes raw bytes and collects what comes back until the server closes or `answers` arrived. */
function rawHttp(port: number, text: string, answers = 1): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      received += data;
      if ((received.match(/\r\n\r\n\{.*?\}/gs) ?? []).length >= answers) socket.end();
    });
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(text);
  });
}
