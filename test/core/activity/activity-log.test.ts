import { readFile, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../electron/core/activity/activity-log';
import { makeTempDir } from '../../support/temp-dir';

const APP = '11111111-1111-4111-8111-111111111111';

describe('the hash-chained activity log', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let file: string;
  const now = () => new Date('2026-11-23T10:00:00.000Z');

  beforeEach(async () => {
    dir = await makeTempDir();
    file = join(dir.path, 'activity.jsonl');
  });
  afterEach(() => dir.remove());

  async function seeded(count: number): Promise<ActivityLog> {
    const log = await ActivityLog.open(dir.path, now);
    for (let i = 1; i <= count; i += 1) await log.append([{ type: 'app.created', appId: APP, summary: `event ${i}` }]);
    return log;
  }

  const lines = async () => (await readFile(file, 'utf8')).trimEnd().split('\n');
  const rewrite = (all: string[]) => writeFile(file, `${all.join('\n')}\n`);

  it('numbers records, chains each to the one before, lists newest first, and reopens intact', async () => {
    const log = await seeded(5);
    expect(log.list().map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(await log.check()).toEqual({ intact: true, count: 5, brokenAtSeq: null, problem: null });
    const reopened = await ActivityLog.open(dir.path, now);
    await reopened.append([{ type: 'app.updated', appId: APP, summary: 'after reopen' }]);
    expect(reopened.list()[0]?.seq).toBe(6);
    expect((await reopened.check()).intact).toBe(true);
  });

  it('detects an edited record', async () => {
    const log = await seeded(5);
    const all = await lines();
    all[2] = (all[2] as string).replace('event 3', 'event 3 (edited)');
    await rewrite(all);
    expect(await log.check()).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('detects a deleted record, a reordering and an inserted record', async () => {
    const log = await seeded(5);
    const all = await lines();
    await rewrite([...all.slice(0, 1), ...all.slice(2)]);
    expect(await log.check()).toMatchObject({ intact: false, brokenAtSeq: 2 });
    await rewrite([all[0], all[2], all[1], all[3], all[4]] as string[]);
    expect(await log.check()).toMatchObject({ intact: false, brokenAtSeq: 2 });
    await rewrite([...all.slice(0, 2), all[1] as string, ...all.slice(2)]);
    expect(await log.check()).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  it('detects a rewritten hash that no longer follows from the previous record', async () => {
    const log = await seeded(3);
    const all = await lines();
    const record = JSON.parse(all[1] as string) as { hash: string };
    record.hash = 'f'.repeat(64);
    all[1] = JSON.stringify(record);
    await rewrite(all);
    const check = await log.check();
    expect(check).toMatchObject({ intact: false, brokenAtSeq: 2 });
    expect(check.problem).toMatch(/Record 2 .*changed outside Keyhaven/);
  });

  it('cuts a line torn by a crash and continues the chain from the last whole record', async () => {
    await seeded(3);
    await appendFile(file, '{"seq":4,"at":"2026-11-23T1');
    const reopened = await ActivityLog.open(dir.path, now);
    await reopened.append([{ type: 'app.updated', appId: APP, summary: 'after crash' }]);
    expect(reopened.list().map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect(await reopened.check()).toMatchObject({ intact: true, count: 4 });
  });

  it('continues the chain after another process appended', async () => {
    const first = await seeded(2);
    const second = await ActivityLog.open(dir.path, now);
    await second.append([{ type: 'app.updated', appId: APP, summary: 'from the other process' }]);
    await first.append([{ type: 'app.updated', appId: APP, summary: 'from the first again' }]);
    expect(first.list().map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect((await first.check()).intact).toBe(true);
  });

  it('filters by app and key and honours the limit', async () => {
    const log = await ActivityLog.open(dir.path, now);
    const other = '22222222-2222-4222-8222-222222222222';
    const key = '33333333-3333-4333-8333-333333333333';
    await log.append([
      { type: 'app.created', appId: APP, summary: 'a' },
      { type: 'key.generated', appId: APP, issuedKeyId: key, keyLabel: 'pyas_AAAAAAAA', summary: 'k' },
      { type: 'app.created', appId: other, summary: 'b' },
    ]);
    expect(log.list({ appId: APP }).map((r) => r.summary)).toEqual(['k', 'a']);
    expect(log.list({ issuedKeyId: key })).toMatchObject([{ keyLabel: 'pyas_AAAAAAAA', count: 1 }]);
    expect(log.list({ limit: 1 })).toHaveLength(1);
  });
});
