import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { openCore } from '../../../electron/core/core';
import { hostOf } from '../../../electron/core/core-host';
import { createInProcessApi } from '../../support/in-process-api';
import { openTestCore, type TestCore } from '../../support/open-test-core';

let t: TestCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

const whoamiStatus = async (baseUrl: string) => (await fetch(`${baseUrl}/v1/whoami`)).status;

describe('Settings → Local test API (testApi:* channels)', () => {
  it('is off by default, starts on a free port, answers, and stops freeing the port', async () => {
    t = await openTestCore();
    const api = createInProcessApi(createHandlers(hostOf(t.core)));
    expect(await api.testApi.status()).toEqual({
      ok: true,
      value: { running: false, port: null, baseUrl: null, savedPort: null },
    });

    const started = await api.testApi.start({ port: 0 });
    if (!started.ok) throw new Error(started.error.message);
    const { port, baseUrl } = started.value;
    expect(started.value.running).toBe(true);
    expect(baseUrl).toBe(`http://127.0.0.1:${port}`);
    expect(await whoamiStatus(baseUrl!)).toBe(401); // MISSING_KEY: the server is really there
    // Starting again without a port keeps the running server.
    expect(await api.testApi.start()).toEqual(started);

    // Stopped, its port is kept for the next start.
    expect(await api.testApi.stop()).toEqual({
      ok: true,
      value: { running: false, port: null, baseUrl: null, savedPort: port },
    });
    await expect(whoamiStatus(baseUrl!)).rejects.toThrow();
  });

  it('refuses privileged and out-of-range ports, and a port in use with CONFLICT', async () => {
    t = await openTestCore();
    const api = createInProcessApi(createHandlers(hostOf(t.core)));
    for (const port of [80, 1023, 65_536, 1.5, -1]) {
      const result = await api.testApi.start({ port });
      expect(result.ok ? 'started' : result.error.code, String(port)).toBe('INVALID_INPUT');
    }
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const result = await api.testApi.start({ port: taken });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!result.ok) expect(result.error.message).toContain(String(taken));
      expect(t.core.testApi.status().running).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('moves to another port when started on one, and closing the core stops it', async () => {
    t = await openTestCore();
    const first = await t.core.testApi.start(0);
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const moved = await t.core.testApi.start(free);
    expect(moved.port).toBe(free);
    await expect(whoamiStatus(first.baseUrl!)).rejects.toThrow();
    expect(await whoamiStatus(moved.baseUrl!)).toBe(401);

    await t.dispose(); // closes the core, then removes its folder
    t = null;
    await expect(whoamiStatus(moved.baseUrl!)).rejects.toThrow();
  });

  it('keeps its port across restarts: started again at launch on the same port if it was on at quit', async () => {
    t = await openTestCore();
    const first = await t.core.testApi.start(0);
    const { dataDir, keychain, platform } = t;
    await t.core.close(); // quitting while it runs
    const reopened = await openCore({ dataDir, keychain, platform, version: 'test' });
    try {
      await expect.poll(() => reopened.testApi.status().running).toBe(true);
      expect(reopened.testApi.status()).toMatchObject({ port: first.port, savedPort: first.port });
      expect(await whoamiStatus(`http://127.0.0.1:${first.port}`)).toBe(401);
      // Stopped by the user, it stays off at the next launch, and a start without a port takes the kept one.
      await reopened.testApi.stop();
    } finally {
      await reopened.close();
    }
    const third = await openCore({ dataDir, keychain, platform, version: 'test' });
    try {
      expect(third.testApi.status()).toMatchObject({ running: false, savedPort: first.port });
      expect((await third.testApi.start()).port).toBe(first.port);
    } finally {
      await third.close();
    }
  });
});
