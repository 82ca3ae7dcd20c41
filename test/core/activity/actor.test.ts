import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainEvents, EMPTY_HEAD } from '../../../electron/core/activity/activity-event';
import { chainHash, GENESIS, type ChainedRecord } from '../../../electron/core/activity/chain-hash';
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
    db.commit(() => ({ ops: [], result: null, activity: [{ type: 'app.updated', appId: APP, summary }] }));

  const file = () => join(dir.path, 'activity.jsonl');
  const lines = async () =>
    (await readFile(file(), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as ChainedRecord);

  /** Rewrites the log as an older version would have: the first `count` records without an actor. */
  async function makeOldRecords(count: number): Promise<void> {
    const all = await lines();
    let prev = GENESIS;
    const rewritten = all.map((line, index) => {
      const { prev: _prev, hash: _hash, actor, ...rest } = line;
      const body: ActivityRecord = index < count ? rest : { ...rest, ...(actor ? { actor } : {}) };
      const hash = chainHash(body, prev);
      const out = { ...body, prev, hash };
      prev = hash;
      return out;
    });
    await writeFile(file(), `${rewritten.map((line) => JSON.stringify(line)).join('\n')}\n`);
  }

  it('records from the app and the command line, and old ones without an actor, check intact', async () => {
    const app = await open('app');
    await record(app, 'old 1');
    await record(app, 'old 2');
    await app.close();
    opened.splice(0);
    await makeOldRecords(2);

    // The head committed in keyhaven.json must match the rewritten tail for the check to pass: the
    // last old record's hash is unchanged from what an old version wrote (verified above), so reopen
    // with the hash the old version would have committed: the same procedure, from genesis.
    const old = await lines();
    expect(old.map((line) => 'actor' in line)).toEqual([false, false]);
    expect(old[1]?.hash).toBe(preActorHash({ ...old[1]!, prev: undefined } as never, old[0]!.hash));
  });
});
