import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainEvents, EMPTY_HEAD } from '../../../electron/core/activity/activity-event';
import { chainHash, GENESIS, type ChainedRecord } from '../../../electron/core/activity/chain-hash';
import { checkChain } from '../../../electron/core/activity/check-chain';
import { openKeyhavenData, type RecordedDb } from '../../../electron/core/db/recorded-commit';
import { activityRecordSchema, type ActivityActor, type ActivityRecord } from '../../../shared/domain/activity';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';

const APP = '11111111-1111-4111-8111-111111111111';

/** The hash as it was computed before records had an actor: these eight fields and prev, in this order. */
function preActorHash(record: Omit<ActivityRecord, 'actor'>, prev: string): string {
  const fields = [
    record.seq,
    record.at,
    record.type,
    record.appId,
    record.issuedKeyId,
    record.keyLabel,
    record.summary,
    record.count,
    prev,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const OLD_RECORD: Omit<ActivityRecord, 'actor'> = {
  seq: 1,
  at: '2026-01-05T09:00:00.000Z',
  type: 'app.created',
  appId: APP,
  issuedKeyId: null,
  keyLabel: null,
  summary: 'App "Pyas" created',
  count: 1,
};

describe('the activity actor and the chain hash', () => {
  it('a record without an actor hashes exactly as before the field existed', () => {
    expect(chainHash(OLD_RECORD, GENESIS)).toBe(preActorHash(OLD_RECORD, GENESIS));
    const second = { ...OLD_RECORD, seq: 2, type: 'entry.read' as const, appId: null, summary: 'read' };
    const prev = preActorHash(OLD_RECORD, GENESIS);
    expect(chainHash(second, prev)).toBe(preActorHash(second, prev));
  });

  it('an explicit actor: undefined hashes as no actor', () => {
    expect(chainHash({ ...OLD_RECORD, actor: undefined }, GENESIS)).toBe(preActorHash(OLD_RECORD, GENESIS));
  });

  it('with an actor the hash differs, and differs between app and cli', () => {
    const none = chainHash(OLD_RECORD, GENESIS);
    const cli = chainHash({ ...OLD_RECORD, actor: 'cli' }, GENESIS);
    const app = chainHash({ ...OLD_RECORD, actor: 'app' }, GENESIS);
    expect(new Set([none, cli, app]).size).toBe(3);
  });

  it('chainEvents names the actor it is given on every record', () => {
    const now = new Date('2026-01-05T09:00:00.000Z');
    const events = [
      { type: 'entry.read' as const, appId: null, summary: 'one' },
      { type: 'entry.read' as const, appId: null, summary: 'two' },
    ];
    for (const actor of ['cli', 'app'] as ActivityActor[]) {
      const records = chainEvents(EMPTY_HEAD, events, now, actor);
      expect(records.map((r) => r.actor)).toEqual([actor, actor]);
      expect(records[1]?.prev).toBe(records[0]?.hash);
      expect(records[0]?.hash).toBe(chainHash({ ...records[0]!, actor }, GENESIS));
    }
  });

  it('the schema accepts a record without an actor or with app/cli, and nothing else', () => {
    expect(activityRecordSchema.safeParse(OLD_RECORD).success).toBe(true);
    expect(activityRecordSchema.safeParse({ ...OLD_RECORD, actor: 'cli' }).success).toBe(true);
    expect(activityRecordSchema.safeParse({ ...OLD_RECORD, actor: 'app' }).success).toBe(true);
    expect(activityRecordSchema.safeParse({ ...OLD_RECORD, actor: 'robot' }).success).toBe(false);
  });
});

describe('a log mixing records from before and after the actor', () => {
  /** Old records, chained as a version without the actor wrote them. */
  function oldLines(count: number): ChainedRecord[] {
    let prev = GENESIS;
    return Array.from({ length: count }, (_, index) => {
      const body = { ...OLD_RECORD, seq: index + 1, summary: `old ${index + 1}` };
      const hash = preActorHash(body, prev);
      const line = { ...body, prev, hash };
      prev = hash;
      return line;
    });
  }

  const parsed = (records: readonly ChainedRecord[]) => records.map((record, index) => ({ lineNo: index + 1, record }));
  const headOf = (records: readonly ChainedRecord[]) => ({ seq: records.at(-1)!.seq, hash: records.at(-1)!.hash });

  it('old records, then app and cli records chained on from them, check intact', () => {
    const old = oldLines(3);
    const at = new Date('2026-11-23T10:00:00.000Z');
    const event = { type: 'entry.read' as const, appId: null, summary: 'read by keyhaven read' };
    const cli = chainEvents(headOf(old), [event, event], at, 'cli');
    const app = chainEvents(headOf(cli), [{ type: 'app.updated', appId: APP, summary: 'renamed' }], at, 'app');
    const all = [...old, ...cli, ...app];
    expect(all.map((record) => record.actor)).toEqual([undefined, undefined, undefined, 'cli', 'cli', 'app']);
    expect(checkChain(parsed(all), headOf(all))).toEqual({ intact: true, count: 6, brokenAtSeq: null, problem: null });
  });

  it('adding an actor to an old record, or removing one from a new record, breaks the chain there', () => {
    const old = oldLines(2);
    const cli = chainEvents(headOf(old), [{ type: 'entry.read', appId: null, summary: 'r' }], new Date(), 'cli');
    const claimed = [{ ...old[0]!, actor: 'cli' as const }, old[1]!, ...cli];
    expect(checkChain(parsed(claimed), headOf(claimed))).toMatchObject({ intact: false, brokenAtSeq: 1 });
    const { actor: _actor, ...stripped } = cli[0]!;
    const disowned = [...old, stripped];
    expect(checkChain(parsed(disowned), headOf(disowned))).toMatchObject({ intact: false, brokenAtSeq: 3 });
    const swapped = [...old, { ...cli[0]!, actor: 'app' as const }];
    expect(checkChain(parsed(swapped), headOf(swapped))).toMatchObject({ intact: false, brokenAtSeq: 3 });
  });

  describe('in a real data folder', () => {
    let dir: { path: string; remove: () => Promise<void> };
    const opened: RecordedDb[] = [];
    const keychain = new MemoryKeychain();
    const now = () => new Date('2026-11-23T10:00:00.000Z');

    beforeEach(async () => {
      dir = await makeTempDir();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((db) => db.close()));
      await dir.remove();
    });

    async function open(actor: ActivityActor): Promise<RecordedDb> {
      const { db } = await openKeyhavenData(dir.path, { keychain, now, actor, onDeliveryError: () => undefined });
      opened.push(db);
      return db;
    }

    const record = (db: RecordedDb, summary: string) =>
      db.commit(() => ({ ops: [], result: null, activity: [{ type: 'app.updated' as const, appId: APP, summary }] }));

    it('each process names itself; the log of both checks intact', async () => {
      const app = await open('app');
      await record(app, 'by the app');
      await app.close();
      opened.splice(0);
      const cli = await open('cli');
      await record(cli, 'by the command line');
      expect(cli.activity.list().map((r) => [r.summary, r.actor])).toEqual([
        ['by the command line', 'cli'],
        ['by the app', 'app'],
      ]);
      expect(await cli.activity.check()).toEqual({ intact: true, count: 2, brokenAtSeq: null, problem: null });
      const lines = (await readFile(join(dir.path, 'activity.jsonl'), 'utf8')).trimEnd().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as ChainedRecord).actor)).toEqual(['app', 'cli']);
    });
  });
});
