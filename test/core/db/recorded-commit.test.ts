import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActivityLog } from '../../../electron/core/activity/activity-log';
import { AppService } from '../../../electron/core/apps/app-service';
import { KeySecrets } from '../../../electron/core/keys/key-secrets';
import { openKeyhavenData } from '../../../electron/core/db/recorded-commit';
import { MemoryKeychain } from '../../support/memory-keychain';
import { Journal } from '../../../electron/core/storage/journal';
import { useTempDir } from '../storage/temp-dir';
import { WriterProcess } from '../storage/writer-process';

const WRITER = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'recorded-writer.ts');
const clock = { now: () => new Date() };
const temp = useTempDir();

class Writer extends WriterProcess {
  constructor(dataDir: string, mode: string) {
    super(WRITER, [dataDir, mode]);
  }
}

let deliveryErrors: unknown[] = [];
afterEach(() => {
  deliveryErrors = [];
  vi.restoreAllMocks();
});

const keychain = new MemoryKeychain();
const open = async (dir: string) =>
  (
    await openKeyhavenData(dir, {
      keychain,
      now: clock.now,
      actor: 'app',
      onDeliveryError: (e) => deliveryErrors.push(e),
    })
  ).db;

/** The app.created records in activity.jsonl as it is on disk, complete lines only. */
async function recordedOnDisk(dir: string): Promise<string[]> {
  const text = await readFile(join(dir, 'activity.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => (JSON.parse(line) as { appId: string }).appId);
}

/** Reopens the folder and holds it to the promise: each committed app has its one record, and nothing else. */
async function expectEveryChangeRecordedOnce(dir: string): Promise<number> {
  const db = await open(dir);
  try {
    const apps = db.snapshot().apps.map((app) => app.id);
    const created = db.activity.list().filter((r) => r.type === 'app.created');
    expect(created.map((r) => r.appId).sort()).toEqual([...apps].sort());
    expect(await db.activity.check()).toEqual({ intact: true, count: apps.length, brokenAtSeq: null, problem: null });
    expect(deliveryErrors).toEqual([]);
    return apps.length;
  } finally {
    await db.close();
  }
}

async function seed(dir: string, count: number): Promise<void> {
  const db = await open(dir);
  const apps = new AppService(db, new KeySecrets(db, keychain), clock);
  for (let n = 1; n <= count; n += 1) await apps.create({ name: `Seed ${n}` });
  await db.close();
}

describe('a change and its activity record are one commit', () => {
  for (const [step, onDiskAfterKill] of [
    ['delivery', 2],
    ['mid-line', 2],
    ['after-delivery', 3],
  ] as const) {
    it(`kill -9 at ${step}: the committed app gets its record at the next open, exactly once`, async () => {
      const dir = temp.dir();
      await seed(dir, 2);
      const writer = new Writer(dir, `die-at:${step}`);
      await writer.ready.promise;
      writer.go();
      expect(await writer.opened.promise).toBe(2);
      expect((await writer.closed).signal, writer.stderr).toBe('SIGKILL');
      expect(await recordedOnDisk(dir)).toHaveLength(onDiskAfterKill);
      expect(await expectEveryChangeRecordedOnce(dir)).toBe(3);
    });
  }

  it(
    'kill -9 at random moments, 20 times: never a change without its record or a record without its change',
    { timeout: 60_000 },
    async () => {
      const dir = temp.dir();
      let acked = 0;
      for (let run = 0; run < 20; run += 1) {
        const writer = new Writer(dir, 'loop');
        await writer.ready.promise;
        writer.go();
        await writer.firstAck.promise;
        setTimeout(() => writer.kill(), Math.random() * 40);
        expect((await writer.closed).signal, writer.stderr).toBe('SIGKILL');
        acked = Math.max(acked, ...writer.acks);
        const apps = await expectEveryChangeRecordedOnce(dir);
        expect(apps, 'every acknowledged create survived').toBeGreaterThanOrEqual(acked);
      }
    },
  );

  it('a change that cannot be written leaves no record, and the chain goes on', async () => {
    const dir = temp.dir();
    const db = await open(dir);
    const apps = new AppService(db, new KeySecrets(db, keychain), clock);
    await apps.create({ name: 'First' });
    vi.spyOn(Journal.prototype, 'append').mockRejectedValueOnce(new Error('EIO: i/o error, write'));
    await expect(apps.create({ name: 'Lost' })).rejects.toThrow(/EIO/);
    expect(db.activity.list().map((r) => r.summary)).toEqual(['App "First" created']);
    await apps.create({ name: 'Second' });
    await db.close();
    expect(await recordedOnDisk(dir)).toHaveLength(2);
    expect(await expectEveryChangeRecordedOnce(dir)).toBe(2);
  });

  it('a record that cannot be copied to activity.jsonl stays committed and is copied later', async () => {
    const dir = temp.dir();
    const db = await open(dir);
    const apps = new AppService(db, new KeySecrets(db, keychain), clock);
    vi.spyOn(ActivityLog.prototype, 'deliver').mockRejectedValueOnce(new Error('ENOSPC: no space left on device'));
    await apps.create({ name: 'Kept' });
    expect(String(deliveryErrors[0])).toMatch(/ENOSPC/);
    deliveryErrors = [];
    expect(await recordedOnDisk(dir)).toEqual([]);
    expect(db.snapshot().activity.outbox).toHaveLength(1);
    await db.close();
    expect(await expectEveryChangeRecordedOnce(dir)).toBe(1);
  });
});
