import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../../electron/core/activity/activity-event';
import { chainHash, GENESIS, stripChain, type ChainedRecord } from '../../../electron/core/activity/chain-hash';
import { openKeyhavenData, type RecordedDb } from '../../../electron/core/db/recorded-commit';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

const APP = '11111111-1111-4111-8111-111111111111';

/** The chained log read through the data file that commits it (db/recorded-commit.ts). */
describe('the hash-chained activity log', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  const opened: RecordedDb[] = [];
  let deliveryErrors: unknown[] = [];
  const now = () => new Date('2026-11-23T10:00:00.000Z');
  const keychain = new MemoryKeychain();

  beforeEach(async () => {
    dir = await makeTempDir();
    deliveryErrors = [];
    file = join(dir.path, 'activity.jsonl');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
    expect(deliveryErrors).toEqual([]);
    await dir.remove();
  });

  async function open(): Promise<RecordedDb> {
    const { db } = await openKeyhavenData(dir.path, {
      keychain,
      now,
      actor: 'app',
      onDeliveryError: (error) => deliveryErrors.push(error),
    });
    opened.push(db);
    return db;
  }

  const record = (db: RecordedDb, events: ActivityEvent[]) =>
    db.commit(() => ({ ops: [], result: null, activity: events }));

  async function seeded(count: number): Promise<RecordedDb> {
    const db = await open();
    for (let i = 1; i <= count; i += 1) await record(db, [{ type: 'app.created', appId: APP, summary: `event ${i}` }]);
    return db;
  }

  const lines = async () => (await readFile(file, 'utf8')).trimEnd().split('\n');
  const rewrite = (all: string[]) => writeFile(file, all.length === 0 ? '' : `${all.join('\n')}\n`);

  it('numbers records, chains each to the one before, lists newest first, and reopens intact', async () => {
    const db = await seeded(5);
    expect(db.activity.list().map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(await db.activity.check()).toEqual({ intact: true, count: 5, brokenAtSeq: null, problem: null });
    await db.close();
    const reopened = await open();
    await record(reopened, [{ type: 'app.updated', appId: APP, summary: 'after reopen' }]);
    expect(reopened.activity.list()[0]?.seq).toBe(6);
    expect((await reopened.activity.check()).intact).toBe(true);
  });

  it('detects an edited record', async () => {
    const db = await seeded(5);
    const all = await lines();
    all[2] = (all[2] as string).replace('event 3', 'event 3 (edited)');
    await rewrite(all);
    expect(await db.activity.check()).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('detects a deleted record, a reordering and an inserted record', async () => {
    const db = await seeded(5);
    const all = await lines();
    await rewrite([...all.slice(0, 1), ...all.slice(2)]);
    expect(await db.activity.check()).toMatchObject({ intact: false, brokenAtSeq: 2 });
    await rewrite([all[0], all[2], all[1], all[3], all[4]] as string[]);
    expect(await db.activity.check()).toMatchObject({ intact: false, brokenAtSeq: 2 });
    await rewrite([...all.slice(0, 2), all[1] as string, ...all.slice(2)]);
    expect(await db.activity.check()).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('detects a rewritten hash that no longer follows from the previous record', async () => {
    const db = await seeded(3);
    const all = await lines();
    const line = JSON.parse(all[1] as string) as { hash: string };
    line.hash = 'f'.repeat(64);
    all[1] = JSON.stringify(line);
    await rewrite(all);
    const check = await db.activity.check();
    expect(check).toMatchObject({ intact: false, brokenAtSeq: 2 });
    expect(check.problem).toMatch(/Record 2 .*changed outside Keyhaven/);
  });

  it('knows how long the chain was: a shortened or deleted log is not intact', async () => {
    const db = await seeded(8);
    const all = await lines();
    await rewrite(all.slice(0, 5));
    const shortened = await db.activity.check();
    expect(shortened).toMatchObject({ intact: false, count: 5, brokenAtSeq: 6 });
    expect(shortened.problem).toMatch(/ends at record 5, but Keyhaven recorded 8: records 6 to 8 are missing/);
    await rm(file);
    expect(await db.activity.check()).toMatchObject({ intact: false, count: 0, brokenAtSeq: 1 });
    // The last commit's record is still in keyhaven.json: it is not appended after the gap.
    expect(String(deliveryErrors[0])).toMatch(/ends at record 0, but the next committed record is 8/);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
    deliveryErrors = [];
  });

  it('catches a log rewritten from the first record with every link recomputed', async () => {
    const db = await seeded(4);
    const forged: ChainedRecord[] = [];
    let prev = GENESIS;
    for (const line of await lines()) {
      const original = JSON.parse(line) as ChainedRecord;
      const record = { ...stripChain(original), summary: `${original.summary} (forged)` };
      const hash = chainHash(record, prev);
      forged.push({ ...record, prev, hash });
      prev = hash;
    }
    await rewrite(forged.map((line) => JSON.stringify(line)));
    const check = await db.activity.check();
    expect(check).toMatchObject({ intact: false, brokenAtSeq: 4 });
    expect(check.problem).toMatch(/not the one Keyhaven recorded last: the log was rewritten/);
  });

  it('catches a well-chained record added outside Keyhaven', async () => {
    const db = await seeded(2);
    const last = JSON.parse((await lines())[1] as string) as ChainedRecord;
    const extra = { ...stripChain(last), seq: 3, summary: 'added by hand' };
    await appendFile(file, `${JSON.stringify({ ...extra, prev: last.hash, hash: chainHash(extra, last.hash) })}\n`);
    const check = await db.activity.check();
    expect(check).toMatchObject({ intact: false, brokenAtSeq: 3 });
    expect(check.problem).toMatch(/Record 3 and after were not recorded by Keyhaven/);
  });

  it('cuts a line torn by a crash and continues the chain from the last whole record', async () => {
    const db = await seeded(3);
    await db.close();
    await appendFile(file, '{"seq":4,"at":"2026-11-23T1');
    const reopened = await open();
    await record(reopened, [{ type: 'app.updated', appId: APP, summary: 'after crash' }]);
    expect(reopened.activity.list().map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect(await reopened.activity.check()).toMatchObject({ intact: true, count: 4 });
  });

  it('continues the chain after another process committed, and lists what it recorded', async () => {
    const first = await seeded(2);
    const second = await open();
    await record(second, [{ type: 'app.updated', appId: APP, summary: 'from the other process' }]);
    await record(first, [{ type: 'app.updated', appId: APP, summary: 'from the first again' }]);
    expect(first.activity.list().map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect((await first.activity.check()).intact).toBe(true);
    expect((await second.activity.check()).intact).toBe(true);
  });

  it('filters by app and key and honours the limit', async () => {
    const db = await open();
    const other = '22222222-2222-4222-8222-222222222222';
    const key = '33333333-3333-4333-8333-333333333333';
    await record(db, [
      { type: 'app.created', appId: APP, summary: 'a' },
      { type: 'key.generated', appId: APP, issuedKeyId: key, keyLabel: 'pyas_AAAAAAAA', summary: 'k' },
      { type: 'app.created', appId: other, summary: 'b' },
    ]);
    expect(db.activity.list({ appId: APP }).map((r) => r.summary)).toEqual(['k', 'a']);
    expect(db.activity.list({ issuedKeyId: key })).toMatchObject([{ keyLabel: 'pyas_AAAAAAAA', count: 1 }]);
    expect(db.activity.list({ limit: 1 })).toHaveLength(1);
  });
});
