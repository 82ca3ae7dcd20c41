import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './support/http';
import { startHarness, type HarnessProcess } from './support/harness-process';
import { makeTempDir } from '../support/temp-dir';

const json = { 'content-type': 'application/json' };

/**
 * The harness's transport guards, over raw HTTP. These requests only read or are refused, so one
 * harness on one fresh data folder serves the whole file; the last test checks nothing was written
 * after the first start (which creates the default vault "Personal": vaults.json and its journal).
 * What it serves (page, bridge, assets) and its command line are in harness-serving.test.ts.
 */
describe('harness: request guards', () => {
  let harness: HarnessProcess;
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  /** The data folder right after the start: file name → SHA-256 of its bytes. */
  let afterStart: Record<string, string>;
  const rpc = (path: string, headers: Record<string, string>, body = '{}') =>
    rawRequest({ port: harness.port, path, method: 'POST', headers: { ...json, ...headers }, body });

  beforeAll(async () => {
    dir = await makeTempDir('keyhaven-harness');
    harness = await startHarness({ dataDir: dir.path });
    afterStart = await folderDigest(dir.path);
  });
  afterAll(async () => {
    await harness?.stop();
    await dir?.remove();
  });

  it('prints the URL first, on 127.0.0.1, with a 64-hex token', () => {
    expect(harness.stdout()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}\n/);
  });

  it('refuses RPC without the token or with a wrong one (403), and answers with it', async () => {
    expect((await rpc('/rpc/system:status', {})).status).toBe(403);
    expect((await rpc('/rpc/system:status', { 'x-keyhaven-token': 'wrong' })).status).toBe(403);
    const sameLength = harness.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await rpc('/rpc/system:status', { 'x-keyhaven-token': sameLength })).status).toBe(403);
    const good = await rpc('/rpc/system:status', { 'x-keyhaven-token': harness.token });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { version: expect.any(String) } });
  });

  it("keeps the control routes (main's clipboard, power events) from the page: its token is refused", async () => {
    const clipboard = (token: string) =>
      rawRequest({ port: harness.port, path: '/__harness/clipboard', headers: { 'x-keyhaven-token': token } });
    expect((await clipboard(harness.token)).status).toBe(403);
    expect((await clipboard('')).status).toBe(403);
    const withControl = await clipboard(harness.controlToken);
    expect(withControl.status).toBe(200);
    expect(JSON.parse(withControl.body)).toEqual({ text: '' });
  });

  it('refuses a Host other than 127.0.0.1:<port> (DNS rebinding), for pages and RPC', async () => {
    for (const host of ['localhost:' + harness.port, 'evil.example', `127.0.0.1:${harness.port + 1}`, '127.0.0.1']) {
      expect((await rawRequest({ port: harness.port, path: '/', headers: { host } })).status, host).toBe(403);
      expect((await rpc('/rpc/system:status', { host, 'x-keyhaven-token': harness.token })).status, host).toBe(403);
    }
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `http://localhost:${harness.port}`,
      `https://127.0.0.1:${harness.port}`,
    ]) {
      expect((await rpc('/rpc/system:status', { origin, 'x-keyhaven-token': harness.token })).status, origin).toBe(403);
    }
    const same = await rpc('/rpc/system:status', { origin: harness.origin, 'x-keyhaven-token': harness.token });
    expect(same.status).toBe(200);
    const crossSite = await rpc('/rpc/system:status', {
      'sec-fetch-site': 'cross-site',
      'x-keyhaven-token': harness.token,
    });
    expect(crossSite.status).toBe(403);
  });

  it('answers 404 to every path that leaves the renderer folder', async () => {
    const paths = [
      '/../package.json',
      '/../../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
      '/..\\package.json',
      '/%252e%252e%252fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/assets/%00index.html',
      '/%c0%ae%c0%ae/package.json',
      '/assets',
      '/assets/',
    ];
    for (const path of paths) {
      const res = await rawRequest({ port: harness.port, path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/keyhaven|root:/i);
    }
  });

  it('answers INVALID_INPUT to an invalid payload, an unknown channel and broken JSON', async () => {
    const token = { 'x-keyhaven-token': harness.token };
    const invalid = await rpc('/rpc/apps:create', token, JSON.stringify({ name: 42 }));
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extra = await rpc('/rpc/system:status', token, JSON.stringify({ sneaky: true }));
    expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await rpc('/rpc/shell:exec', token);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const broken = await rpc('/rpc/apps:create', token, '{"name": "Pyas"');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses bodies over 1 MB (413) and methods other than POST on RPC (405)', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    expect((await rpc('/rpc/apps:create', { 'x-keyhaven-token': harness.token }, big)).status).toBe(413);
    const chunked = await rawRequest({
      port: harness.port,
      path: '/rpc/apps:create',
      method: 'POST',
      headers: { ...json, 'x-keyhaven-token': harness.token, 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    const get = await rawRequest({
      port: harness.port,
      path: '/rpc/system:status',
      headers: { 'x-keyhaven-token': harness.token },
    });
    expect(get.status).toBe(405);
    const preflight = await rawRequest({ port: harness.port, path: '/rpc/system:status', method: 'OPTIONS' });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('listens on 127.0.0.1 only', async () => {
    // 127.0.0.2 is loopback too: it answers only if the server had bound every address (0.0.0.0).
    const others = ['127.0.0.2', '::1'];
    for (const addresses of Object.values(networkInterfaces())) {
      for (const info of addresses ?? []) if (!info.internal) others.push(info.address);
    }
    for (const host of others) expect(await canConnect(host, harness.port), host).toBe(false);
    expect(await canConnect('127.0.0.1', harness.port)).toBe(true);
  });

  it('logs without tokens or request bodies, and wrote nothing to the data folder after the first start', async () => {
    await harness.rpc('apps:get', { appId: 'canary-in-the-body' });
    await harness.waitForStderr('POST /rpc/apps:get');
    expect(harness.stderr()).not.toContain('canary-in-the-body');
    expect(harness.stderr()).not.toContain(harness.token);
    expect(harness.stdout().trim().split('\n')).toHaveLength(1);
    // The first start writes the vault file (the default vault "Personal") and its journal, and
    // keyhaven.json: making the record seal key for that vault's entries records the installation id
    // that names the key in the keychain (integrity/seal-source.ts).
    expect(Object.keys(afterStart).sort()).toEqual([
      'keyhaven.json',
      'keyhaven.json.journal',
      'vaults.json',
      'vaults.json.journal',
    ]);
    const vaults = await harness.rpc<{ name: string; entryCount: number }[]>('vaults:list');
    expect(vaults.ok && vaults.value.map((v) => [v.name, v.entryCount])).toEqual([['Personal', 0]]);
    // None of the requests above, refused or read-only, changed, added or removed a file.
    expect(await folderDigest(dir.path)).toEqual(afterStart);
  });
});

async function folderDigest(path: string): Promise<Record<string, string>> {
  const digest: Record<string, string> = {};
  for (const name of await readdir(path)) {
    digest[name] = createHash('sha256')
      .update(await readFile(join(path, name)))
      .digest('hex');
  }
  return digest;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
