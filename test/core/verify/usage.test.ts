import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatKey } from '../../../electron/core/keys/key-format';
import { parseUsageFile, type UsageFile } from '../../../shared/verify/usage-file';
import { createVerifier } from '../../../shared/verify/verifier';
import { makeTempDir } from '../../support/temp-dir';
import { deferred } from './keyset-events';
import { NOW, plannedKey, signedKeyset, signingApp } from './keyset-fixture';

const app = signingApp();
const live = plannedKey('Live0001', { scopes: ['read:items'] });
const other = plannedKey('Othr0001');
const keyset = signedKeyset(app, [live, other]);
const HOUR = 3_600_000;
// NOW is 12:00 UTC; the clock moves within a test.
const at = (iso: string) => Date.parse(iso);

let dir: { path: string; remove: () => Promise<void> };
let file: string;
beforeEach(async () => {
  dir = await makeTempDir('keyhaven-usage');
  file = join(dir.path, 'pyas.usage.json');
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await dir.remove();
});

async function verifierAt(clock: { now: number }, extra: { usageFlushSeconds?: number } = {}) {
  return createVerifier({
    keyset,
    publicKey: app.publicKey,
    secret: app.secret,
    now: () => clock.now,
    usageFile: file,
    ...extra,
  });
}

const written = async (): Promise<UsageFile> => parseUsageFile(JSON.parse(await readFile(file, 'utf8')));

describe('the usage file', () => {
  it('counts VALID verifications per key and UTC hour, and the last use, written at close', async () => {
    const clock = { now: NOW + 5 * 60_000 };
    const v = await verifierAt(clock);
    for (let i = 0; i < 3; i += 1) expect((await v.verify(live.key)).code).toBe('VALID');
    await v.verify(live.key, { scope: 'write:items' }); // INSUFFICIENT_SCOPE: not a use
    await v.verify(formatKey('pyas', 'Live0001')); // NOT_FOUND
    await v.verify(formatKey('pyas', 'Unknown1'));
    clock.now = NOW + HOUR + 59 * 60_000;
    await v.verify(`Bearer ${live.key}`);
    await v.verify(other.key);
    await v.close();

    const usage = await written();
    expect(usage).toEqual({
      format: 'keyhaven-usage',
      version: 1,
      app: { id: 'app-pyas', prefix: 'pyas' },
      source: expect.stringMatching(/^[0-9a-f-]{36}$/),
      writtenAt: '2026-12-05T13:59:00.000Z',
      keys: {
        Live0001: {
          hours: { '2026-12-05T12:00:00.000Z': 3, '2026-12-05T13:00:00.000Z': 1 },
          lastUsedAt: '2026-12-05T13:59:00.000Z',
        },
        Othr0001: { hours: { '2026-12-05T13:00:00.000Z': 1 }, lastUsedAt: '2026-12-05T13:59:00.000Z' },
      },
    });
  });

  it('holds key ids, counts and times only: no key, no digest, no secret', async () => {
    const v = await verifierAt({ now: NOW });
    await v.verify(live.key);
    await v.close();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Live0001');
    for (const secretText of [live.key, live.key.split('.')[1], keyset.keys[0]?.digest, app.secret, 'pyas_'])
      expect(text).not.toContain(secretText);
  });

  it('adds to the file it finds (same source id), and drops hours older than 35 days', async () => {
    const old = new Date(at('2026-10-30T09:00:00.000Z')).toISOString(); // 36 days before NOW
    const existing: UsageFile = {
      format: 'keyhaven-usage',
      version: 1,
      app: { id: 'app-pyas', prefix: 'pyas' },
      source: 'kept-source-id',
      writtenAt: '2026-12-05T11:00:00.000Z',
      keys: {
        Live0001: { hours: { '2026-12-05T12:00:00.000Z': 40, [old]: 7 }, lastUsedAt: '2026-12-05T12:10:00.000Z' },
        Gone0001: { hours: { [old]: 2 }, lastUsedAt: old },
      },
    };
    await writeFile(file, JSON.stringify(existing));
    const v = await verifierAt({ now: NOW + 30 * 60_000 });
    await v.verify(live.key);
    await v.verify(live.key);
    await v.close();
    expect(await written()).toMatchObject({
      source: 'kept-source-id',
      keys: {
        Live0001: { hours: { '2026-12-05T12:00:00.000Z': 42 }, lastUsedAt: '2026-12-05T12:30:00.000Z' },
      },
    });
    expect(Object.keys((await written()).keys)).toEqual(['Live0001']);

    // A second run goes on from there: counts are cumulative over the life of the file.
    const again = await verifierAt({ now: NOW + 40 * 60_000 });
    await again.verify(live.key);
    await again.close();
    expect((await written()).keys.Live0001?.hours).toEqual({ '2026-12-05T12:00:00.000Z': 43 });
  });

  it("refuses to start on another app's usage file or one it cannot read", async () => {
    await writeFile(file, JSON.stringify({ ...(await emptyUsage()), app: { id: 'app-other', prefix: 'pyas' } }));
    await expect(verifierAt({ now: NOW })).rejects.toThrow(/is for the app app-other, not app-pyas/);
    await writeFile(file, '{"format": "keyhaven-usage"');
    await expect(verifierAt({ now: NOW })).rejects.toThrow(/cannot be read \(The usage file is not valid JSON/);
  });

  it('writes every flush interval by a temporary file in the same folder renamed over the old one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fs = process.getBuiltinModule('node:fs');
    const renamed = deferred<[string, string]>();
    const rename = fs.promises.rename;
    vi.spyOn(fs.promises, 'rename').mockImplementation(async (from, to) => {
      await rename(from, to);
      renamed.resolve([String(from), String(to)]);
    });
    const v = await verifierAt({ now: NOW }, { usageFlushSeconds: 60 });
    await v.verify(live.key);
    vi.advanceTimersByTime(60_000);
    const [from, to] = await renamed.promise;
    expect(to).toBe(file);
    expect(from.startsWith(join(dir.path, '.pyas.usage.json.'))).toBe(true);
    expect((await written()).keys.Live0001?.hours).toEqual({ '2026-12-05T12:00:00.000Z': 1 });
    expect(await readdir(dir.path)).toEqual(['pyas.usage.json']);
    await v.close();
  });

  it('keeps the last good file when a write fails, reports it in status(), and rejects close()', async () => {
    const v = await verifierAt({ now: NOW });
    await v.verify(live.key);
    const fs = process.getBuiltinModule('node:fs');
    vi.spyOn(fs.promises, 'rename').mockRejectedValueOnce(Object.assign(new Error('EXDEV: no'), { code: 'EXDEV' }));
    await writeFile(file, JSON.stringify(await emptyUsage()));
    await expect(v.close()).rejects.toThrow(/Could not write the usage file .*: EXDEV/);
    expect(v.status().lastUsageError).toMatch(/Could not write the usage file .*: EXDEV/);
    expect(await written()).toEqual(await emptyUsage());
    expect(await readdir(dir.path)).toEqual(['pyas.usage.json']);
  });
});

async function emptyUsage(): Promise<UsageFile> {
  return {
    format: 'keyhaven-usage',
    version: 1,
    app: { id: 'app-pyas', prefix: 'pyas' },
    source: 'earlier',
    writtenAt: '2026-12-05T11:00:00.000Z',
    keys: {},
  };
}

describe('parseUsageFile', () => {
  it('says what is wrong with a file that is not a usage file', async () => {
    const good = await emptyUsage();
    expect(parseUsageFile(JSON.stringify(good))).toEqual(good);
    const bad = (patch: Record<string, unknown>) => () => parseUsageFile({ ...good, ...patch });
    expect(bad({ format: 'keyhaven-keyset' })).toThrow(/not a Keyhaven usage file/);
    expect(bad({ version: 2 })).toThrow(/version 2/);
    expect(bad({ app: { id: 'a' } })).toThrow(/does not name its app/);
    expect(bad({ source: '' })).toThrow(/no source id/);
    const usage = (hours: Record<string, unknown>, keyId = 'Live0001') =>
      bad({ keys: { [keyId]: { hours, lastUsedAt: '2026-12-05T12:00:00.000Z' } } });
    expect(usage({ '2026-12-05T12:00:00.000Z': 1 })).not.toThrow();
    expect(usage({ '2026-12-05T12:30:00.000Z': 1 })).toThrow(/malformed hour or count/);
    expect(usage({ '2026-12-05T12:00:00Z': 1 })).toThrow(/malformed hour or count/);
    expect(usage({ '2026-12-05T12:00:00.000Z': -1 })).toThrow(/malformed hour or count/);
    expect(usage({ '2026-12-05T12:00:00.000Z': 1.5 })).toThrow(/malformed hour or count/);
    expect(usage({}, live.key)).toThrow(/is not a key id/);
    expect(() => parseUsageFile('[')).toThrow(/not valid JSON/);
  });
});
