import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../../electron/core/keychain/keychain';
import { formatKey } from '../../../electron/core/keys/key-format';
import type { KeyCheck, TestApiKeys } from '../../../electron/core/test-api/test-api-keys';
import { startTestApi, type TestApi } from '../../../electron/core/test-api/test-api-server';

const KEY = 'khtest_AbCdEfGh.1M2baTIHuRgPGbzdZC3Zch0b8VC2etL0abcdef';
const FACTS = {
  app: 'Pyas',
  keyId: 'khtest_AbCdEfGh',
  name: 'Production',
  scopes: ['read:items'],
  expiresAt: '2027-11-23T10:15:00.000Z',
};

/** The local test API's whole view of Keyhaven, faked: no core, no files, no keychain. */
class FakeKeys implements TestApiKeys {
  readonly calls: [string, string | undefined][] = [];
  time = new Date('2026-11-23T10:15:00.000Z');
  answer: (presented: string) => Promise<KeyCheck> = async (presented) =>
    presented === KEY ? { code: 'VALID', key: FACTS } : { code: 'NOT_FOUND', key: null };

  verifyKey(presented: string, requiredScope?: string): Promise<KeyCheck> {
    this.calls.push([presented, requiredScope]);
    return this.answer(presented);
  }

  keyset(app: string | null): Promise<{ text: string; sequence: number }> {
    this.calls.push(['keyset', app ?? undefined]);
    return Promise.resolve({ text: '{"format":"keyhaven-keyset"}', sequence: 3 });
  }

  now(): Date {
    return this.time;
  }
}

let api: TestApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function serve(keys: TestApiKeys, logged: string[] = [], maxFailures = 20) {
  api = await startTestApi({ keys, logError: (line) => logged.push(line), limits: { maxFailures } });
  const base = api.baseUrl;
  return (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
}

describe('the local test API works through a small interface (TestApiKeys)', () => {
  it('answers whoami, scopes and verify from the checks and facts it is given', async () => {
    const keys = new FakeKeys();
    const call = await serve(keys);
    const whoami = await call('/v1/whoami', { headers: { authorization: `Bearer ${KEY}` } });
    expect(await whoami.json()).toEqual(FACTS);
    // The key is taken out of its header before it is checked.
    expect(keys.calls).toEqual([[KEY, undefined]]);

    expect((await call('/v1/scopes/read:items', { headers: { 'x-api-key': KEY } })).status).toBe(200);
    const refused = await call('/v1/scopes/write:items', { headers: { 'x-api-key': KEY } });
    expect(refused.status).toBe(403);

    const verified = await call('/v1/keys/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: KEY, scope: 'read:items' }),
    });
    const { name: _name, ...factsOfVerify } = FACTS; // verify answers without the name
    expect(await verified.json()).toEqual({ valid: true, code: 'VALID', ...factsOfVerify });
    expect(keys.calls.at(-1)).toEqual([KEY, 'read:items']);
  });

  it("counts failures on the interface's clock", async () => {
    const keys = new FakeKeys();
    const call = await serve(keys, [], 1);
    // Well-formed, so the limiter counts it by its public id across connections.
    const wrong = { headers: { 'x-api-key': formatKey('khtest', 'AbCdEfGh') } };
    expect((await call('/v1/whoami', wrong)).status).toBe(401);
    expect((await call('/v1/whoami', wrong)).status).toBe(429);
    keys.time = new Date(keys.time.getTime() + 61_000);
    expect((await call('/v1/whoami', wrong)).status).toBe(401);
  });

  it('judges what the interface throws: keychain 503, anything else 500 with a reference in the log', async () => {
    const keys = new FakeKeys();
    const logged: string[] = [];
    const call = await serve(keys, logged);
    keys.answer = () => Promise.reject(new KeychainUnavailableError('Unlock your keyring.'));
    expect((await call('/v1/whoami', { headers: { 'x-api-key': KEY } })).status).toBe(503);
    expect(logged).toEqual([]);
    keys.answer = () => Promise.reject(new Error(`lookup failed for ${KEY}`));
    const failed = await call('/v1/whoami', { headers: { 'x-api-key': KEY } });
    expect(failed.status).toBe(500);
    const text = await failed.text();
    const reference = /reference ([0-9a-f]{8})/.exec(text)?.[1];
    expect(logged).toEqual([expect.stringContaining(`[keyhaven] a local test API request failed (ref ${reference})`)]);
    expect(logged.join('\n') + text).not.toContain(KEY.split('.')[1]);
  });

  it('imports nothing of the core as a whole and reads no raw data', async () => {
    const folder = join(import.meta.dirname, '../../../electron/core/test-api');
    for (const file of await readdir(folder)) {
      const source = await readFile(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/from '\.\.\/core'/);
      expect(source, file).not.toMatch(/snapshot\(|KeyhavenDb|KeyService/);
    }
  });
});
