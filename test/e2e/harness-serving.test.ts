import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../shared/ipc/build-api';
import { cspHeader, cspMetaContent } from '../../shared/security/csp';
import { findMetaCsp } from '../harness/page';
import { rawRequest, runCli } from './support/http';
import { REPO_ROOT, startHarness, withHarness, type HarnessProcess } from './support/harness-process';
import { makeTempDir } from '../support/temp-dir';

const RENDERER = join(REPO_ROOT, 'out', 'renderer');

/** What the harness serves: the built page with the bridge injected, its assets, the bridge itself. */
describe('harness: serving the built renderer', () => {
  let harness: HarnessProcess;
  let dir: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    dir = await makeTempDir('keyhaven-harness');
    harness = await startHarness({ dataDir: dir.path });
  });
  afterAll(async () => {
    await harness?.stop();
    await dir?.remove();
  });

  it('serves index.html with the bridge before the app script, and the page CSP as a header', async () => {
    const res = await rawRequest({ port: harness.port, path: '/' });
    const built = await readFile(join(RENDERER, 'index.html'), 'utf8');
    const csp = findMetaCsp(built);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(csp, 'the built index.html carries the app CSP').toBe(cspMetaContent());
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(findMetaCsp(res.body), 'the page keeps its CSP unchanged').toBe(csp);
    // The header is the same policy plus what only a header can carry (frame-ancestors).
    expect(res.headers['content-security-policy']).toBe(cspHeader());
    for (const directive of csp?.split('; ') ?? []) expect(res.headers['content-security-policy']).toContain(directive);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    const bridgeAt = res.body.indexOf('<script src="/harness-bridge.js"></script>');
    const appAt = res.body.indexOf('<script type="module"');
    expect(bridgeAt).toBeGreaterThan(res.body.indexOf('<head>'));
    expect(bridgeAt).toBeLessThan(appAt);
    expect(appAt).toBeLessThan(res.body.indexOf('</head>'));
    expect(res.body.match(/<script\b/g)).toHaveLength(2);
  });

  it('serves assets with their content type and the same security headers', async () => {
    const assets = await readdir(join(RENDERER, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'));
    expect(script).toBeDefined();
    const res = await rawRequest({ port: harness.port, path: `/assets/${script}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeTruthy();
  });

  it('answers /favicon.ico with 204 (Electron never asks for one) and warns about nothing', async () => {
    const res = await rawRequest({ port: harness.port, path: '/favicon.ico' });
    expect(res.status).toBe(204);
    expect(harness.stderr()).not.toMatch(/differs|no Content-Security-Policy/);
  });

  it('bridges exactly one method per channel, keeps the token and takes it out of the address bar', async () => {
    const res = await rawRequest({ port: harness.port, path: '/harness-bridge.js' });
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const calls: { url: string; init: { headers: Record<string, string>; body: string } }[] = [];
    const stored = new Map<string, string>();
    const replaced: string[] = [];
    const page: Record<string, unknown> = {
      URL,
      location: { href: `${harness.origin}/?token=${harness.token}#x` },
      sessionStorage: {
        getItem: (k: string) => stored.get(k) ?? null,
        setItem: (k: string, v: string) => stored.set(k, v),
      },
      history: { state: null, replaceState: (_s: unknown, _u: string, url: string) => replaced.push(url) },
      fetch: async (url: string, init: (typeof calls)[number]['init']) => {
        calls.push({ url, init });
        return { status: 200, json: async () => ({ ok: true, value: 'pong' }) };
      },
    };
    runInNewContext(res.body, page);
    const shape = (api: object) =>
      Object.fromEntries(
        Object.entries(api).map(([domain, methods]) => [domain, Object.keys(methods as object).sort()]),
      );
    const bridged = page.keyhaven as object;
    expect(shape(bridged)).toEqual(
      shape(
        buildApi(
          async () => ({ ok: true, value: null }),
          () => () => undefined,
        ),
      ),
    );
    expect(replaced).toEqual(['/#x']);
    expect([...stored.values()]).toEqual([harness.token]);
    const answer = await (bridged as { apps: { get(input: unknown): Promise<unknown> } }).apps.get({ appId: 'a' });
    expect(answer).toEqual({ ok: true, value: 'pong' });
    expect(calls[0]?.url).toBe('/rpc/apps:get');
    expect(calls[0]?.init.headers['x-keyhaven-token']).toBe(harness.token);
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ appId: 'a' });
  });
});

describe('harness: command line and lifecycle', () => {
  it('rejects bad arguments with a clear message (exit 2)', async () => {
    // Refused before the data folder is touched, so the path need not exist.
    const [missing, port, bigPort, unknown] = await Promise.all([
      runCli([]),
      runCli(['--data-dir', '/nonexistent/x', '--port', '80a']),
      runCli(['--data-dir', '/nonexistent/x', '--port', '70000']),
      runCli(['--data-dir', '/nonexistent/x', '--host', '0.0.0.0']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--data-dir DIR is required');
    expect(missing.stdout).toBe('');
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535');
    expect(bigPort.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--host'/);
  });

  it('starts the local test API with --test-api-port, and refuses a bad one', async () => {
    const bad = await runCli(['--data-dir', '/nonexistent/x', '--test-api-port', 'http']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--test-api-port must be a whole number from 0 to 65535');

    const dir = await makeTempDir('keyhaven-harness');
    try {
      await withHarness({ dataDir: dir.path, args: ['--test-api-port', '0'] }, async (harness) => {
        await harness.waitForStderr('local test API on http://127.0.0.1:');
        const baseUrl = /local test API on (http:\/\/127\.0\.0\.1:\d+)/.exec(harness.stderr())![1]!;
        const status = await harness.rpc<{ running: boolean; baseUrl: string }>('testApi:status');
        const port = Number(new URL(baseUrl).port);
        // The port it runs on is kept for the next start (issue 13).
        expect(status).toEqual({ ok: true, value: { running: true, port, baseUrl, savedPort: port } });
        const whoami = await fetch(`${baseUrl}/v1/whoami`);
        expect(whoami.status).toBe(401);
        expect(await whoami.json()).toMatchObject({ code: 'MISSING_KEY' });
      });
    } finally {
      await dir.remove();
    }
  });

  it('says to build first when the renderer is not built', async () => {
    const dir = await makeTempDir('keyhaven-harness');
    try {
      const run = await runCli(['--data-dir', dir.path, '--renderer-dir', join(dir.path, 'no-build')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('run npm run build first');
      expect(run.stdout).toBe('');
    } finally {
      await dir.remove();
    }
  });

  it('creates a missing data folder and closes the core cleanly on SIGTERM', async () => {
    const dir = await makeTempDir('keyhaven-harness');
    try {
      const dataDir = join(dir.path, 'nested', 'data');
      const code = await withHarness({ dataDir }, async (harness) => {
        const created = await harness.rpc<{ id: string }>('apps:create', { name: 'Pyas' });
        expect(created.ok).toBe(true);
        const stopped = await harness.stop();
        expect(harness.stderr()).toContain('closed cleanly');
        return stopped;
      });
      expect(code).toBe(0);
      expect(await readdir(dataDir)).toContain('keyhaven.json');
    } finally {
      await dir.remove();
    }
  });
});
