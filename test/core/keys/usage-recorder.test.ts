import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('usage counting', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:15:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => {
    vi.useRealTimers();
    return t.dispose();
  });

  it('counts uses in memory and writes them in one batch, not once per verification', async () => {
    const { plaintext, key } = await t.core.keys.generate(generateInput(appId));
    const commit = vi.spyOn(t.core.db, 'commit');
    for (let i = 0; i < 500; i += 1) await t.core.keys.verifyKey(plaintext);
    expect(commit).not.toHaveBeenCalled();
    await t.core.usage.flush();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(t.core.keys.list(appId)[0]).toMatchObject({
      id: key.id,
      useCount: 500,
      lastUsedAt: '2026-11-23T10:15:00.000Z',
    });
  });

  it('shows uses in lists before they are written', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    await t.core.keys.verifyKey(plaintext);
    const checked = await t.core.keys.verify(plaintext, 'x-api-key');
    expect(checked.key).toMatchObject({ useCount: 2, lastUsedAt: '2026-11-23T10:15:00.000Z' });
    expect(t.core.keys.list(appId)[0]).toMatchObject({ useCount: 2 });
    expect(t.core.db.snapshot().keys[0]?.useCount).toBe(0);
  });

  it('keeps counts that could not be written and writes them with the next flush', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    for (let i = 0; i < 3; i += 1) await t.core.keys.verifyKey(plaintext);
    const commit = vi.spyOn(t.core.db, 'commit').mockRejectedValueOnce(new Error('lock timeout'));
    await expect(t.core.usage.flush()).rejects.toThrow('lock timeout');
    commit.mockRestore();
    await t.core.keys.verifyKey(plaintext);
    await t.core.usage.flush();
    expect(t.core.db.snapshot().keys[0]?.useCount).toBe(4);
  });

  it('flushes by itself within a second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    await t.core.keys.verifyKey(plaintext);
    await vi.advanceTimersByTimeAsync(1_000);
    await t.core.usage.flush(); // waits for the timer's flush to finish
    expect(t.core.keys.list(appId)[0]?.useCount).toBe(1);
  });

  it('does not count failed verifications', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    await t.core.keys.verifyKey(plaintext, 'read:secrets');
    await t.core.usage.flush();
    expect(t.core.keys.list(appId)[0]?.useCount).toBe(0);
  });

  it('writes pending counts on close, so a clean quit loses nothing', async () => {
    const { plaintext } = await t.core.keys.generate(generateInput(appId));
    for (let i = 0; i < 3; i += 1) await t.core.keys.verifyKey(plaintext);
    await t.core.close();
    const reopened = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test', clock });
    expect(reopened.keys.list(appId)[0]?.useCount).toBe(3);
    t.core = reopened;
  });

  it('seals each finished hour into one "verified" activity record per key', async () => {
    const { plaintext, key } = await t.core.keys.generate(generateInput(appId));
    for (let i = 0; i < 4; i += 1) await t.core.keys.verifyKey(plaintext);
    await t.core.usage.flush();
    // In the log only once sealed (Activity shows the hour so far at once: live-activity.test.ts).
    expect(t.core.db.activity.list({ issuedKeyId: key.id }).some((r) => r.type === 'key.verified')).toBe(false);
    clock.set('2026-11-23T11:05:00.000Z');
    await t.core.keys.verifyKey(plaintext);
    await t.core.usage.flush();
    const verified = t.core.db.activity.list({ issuedKeyId: key.id }).filter((r) => r.type === 'key.verified');
    expect(verified).toMatchObject([{ count: 4, at: '2026-11-23T10:00:00.000Z' }]);
    expect(t.core.db.snapshot().verifyBuckets).toMatchObject([{ hourStart: '2026-11-23T11:00:00.000Z', count: 1 }]);
    const onDisk = await readFile(join(t.dataDir, 'activity.jsonl'), 'utf8');
    expect(onDisk).toContain('"type":"key.verified"');
  });
});
