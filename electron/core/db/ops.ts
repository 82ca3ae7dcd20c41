import { z } from 'zod';
import { appSchema } from '../../../shared/domain/app';
import { testApiSettingsSchema } from '../../../shared/domain/test-api';
import { notFound } from '../errors';
import type { App } from '../../../shared/domain/app';
import { chainedRecordSchema, chainHeadSchema, issuedKeyRecordSchema, type KeyhavenFile } from './schema';

/**
 * Every change to `keyhaven.json` is one of these ops. Services plan ops from the current data; the
 * store applies them in memory and appends them to its journal, and replays them after a restart, so
 * `applyOp` must be deterministic and must not fail on an op a planner produced.
 */
const keyPatchSchema = issuedKeyRecordSchema
  .pick({
    name: true,
    note: true,
    revokedAt: true,
    disabledAt: true,
    replacedById: true,
    graceEndsAt: true,
    remindersSent: true,
    scopes: true,
    seal: true,
  })
  .partial();

export const opSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('app.insert'), app: appSchema }),
  z.strictObject({
    type: z.literal('app.patch'),
    appId: z.uuid(),
    patch: appSchema
      .pick({
        name: true,
        description: true,
        keyPrefix: true,
        scopes: true,
        keyset: true,
        headerScheme: true,
        archivedAt: true,
      })
      .partial(),
  }),
  /** An app with no live key deleted: the app, its keys' records and their usage counts leave the file. */
  z.strictObject({ type: z.literal('app.delete'), appId: z.uuid() }),
  z.strictObject({ type: z.literal('key.insert'), key: issuedKeyRecordSchema }),
  z.strictObject({ type: z.literal('key.patch'), id: z.uuid(), patch: keyPatchSchema }),
  /** Seals a key from before seals existed, once (integrity/seal-source.ts); changes nothing else. */
  z.strictObject({ type: z.literal('key.seal'), id: z.uuid(), seal: z.string() }),
  /** The record seal key was made and every record sealed with it. */
  z.strictObject({ type: z.literal('records.sealed'), at: z.string() }),
  z.strictObject({
    type: z.literal('usage.add'),
    entries: z.array(
      z.strictObject({
        id: z.uuid(),
        count: z.number().int().positive(),
        lastUsedAt: z.string(),
        hourStart: z.string(),
      }),
    ),
  }),
  /** Uses a service's verifier counted (keys/usage-import.ts): `count` is what is new since the last import. */
  z.strictObject({
    type: z.literal('usage.import'),
    source: z.string(),
    entries: z.array(
      z.strictObject({
        id: z.uuid(),
        hourStart: z.string(),
        count: z.number().int().positive(),
        lastUsedAt: z.string(),
      }),
    ),
    /** Totals of hours older than this are forgotten: a file that old is no longer written to. */
    forgetBefore: z.string(),
  }),
  /** The local test API's kept port and on/off state (test-api/test-api-control.ts). */
  z.strictObject({ type: z.literal('testApi.set'), settings: testApiSettingsSchema }),
  z.strictObject({
    type: z.literal('bucket.seal'),
    issuedKeyId: z.uuid(),
    hourStart: z.string(),
    /** The count that was recorded in the activity log; uses added since stay in the bucket. */
    count: z.number().int().positive(),
  }),
  /** Records chained on from the head, committed with the change they record (db/recorded-commit.ts). */
  z.strictObject({
    type: z.literal('activity.append'),
    records: z.array(chainedRecordSchema).min(1),
    /** Records up to this seq are known to be in activity.jsonl: they leave the outbox. */
    delivered: z.number().int().nonnegative(),
  }),
  /** A folder from before version 3: the head is set, once, to activity.jsonl's last record. */
  z.strictObject({ type: z.literal('activity.anchor'), head: chainHeadSchema }),
]);
export type Op = z.infer<typeof opSchema>;
export type KeyPatch = z.infer<typeof keyPatchSchema>;

export function applyOp(data: KeyhavenFile, op: Op): void {
  switch (op.type) {
    case 'app.insert':
      data.apps.push(op.app);
      return;
    case 'app.patch': {
      const app = data.apps.find((candidate) => candidate.id === op.appId);
      if (app) Object.assign(app, op.patch);
      return;
    }
    case 'app.delete':
      // New arrays, never spliced in place: the key indexes (here and in keys/verify.ts) are rebuilt
      // for a new array object, where an in-place removal could leave an index of the same length.
      data.apps = data.apps.filter((app) => app.id !== op.appId);
      data.keys = data.keys.filter((key) => key.appId !== op.appId);
      data.verifyBuckets = data.verifyBuckets.filter((bucket) => findKey(data, bucket.issuedKeyId) !== undefined);
      data.importedUsage = data.importedUsage.filter((usage) => findKey(data, usage.issuedKeyId) !== undefined);
      return;
    case 'key.insert':
      data.keys.push(op.key);
      return;
    case 'key.patch': {
      const key = findKey(data, op.id);
      if (key) Object.assign(key, op.patch);
      return;
    }
    case 'key.seal': {
      const key = findKey(data, op.id);
      if (key && key.seal === null) key.seal = op.seal;
      return;
    }
    case 'records.sealed':
      data.sealedAt ??= op.at;
      return;
    case 'usage.add':
      for (const entry of op.entries) {
        const key = findKey(data, entry.id);
        if (!key) continue;
        key.useCount += entry.count;
        if (key.lastUsedAt === null || key.lastUsedAt < entry.lastUsedAt) key.lastUsedAt = entry.lastUsedAt;
        const bucket = data.verifyBuckets.find((b) => b.issuedKeyId === entry.id && b.hourStart === entry.hourStart);
        if (bucket) bucket.count += entry.count;
        else data.verifyBuckets.push({ issuedKeyId: entry.id, hourStart: entry.hourStart, count: entry.count });
      }
      return;
    case 'testApi.set':
      data.testApi = { ...op.settings };
      return;
    case 'usage.import':
      applyUsageImport(data, op);
      return;
    case 'activity.append': {
      const last = op.records[op.records.length - 1];
      const kept = data.activity.outbox.filter((record) => record.seq > op.delivered);
      data.activity = {
        head: last ? { seq: last.seq, hash: last.hash } : data.activity.head,
        outbox: [...kept, ...op.records],
      };
      return;
    }
    case 'activity.anchor':
      if (data.activity.head === null) data.activity = { head: op.head, outbox: [] };
      return;
    case 'bucket.seal': {
      const bucket = data.verifyBuckets.find((b) => b.issuedKeyId === op.issuedKeyId && b.hourStart === op.hourStart);
      if (!bucket) return;
      bucket.count -= op.count;
      if (bucket.count <= 0) data.verifyBuckets = data.verifyBuckets.filter((b) => b !== bucket);
      return;
    }
  }
}

function applyUsageImport(data: KeyhavenFile, op: Extract<Op, { type: 'usage.import' }>): void {
  const slot = (id: string, hourStart: string) => `${id} ${hourStart}`;
  const taken = new Map(
    data.importedUsage.filter((u) => u.source === op.source).map((u) => [slot(u.issuedKeyId, u.hourStart), u]),
  );
  for (const entry of op.entries) {
    const key = findKey(data, entry.id);
    if (!key) continue;
    // Imported counts come from outside: the sum stays a safe integer, as the schema requires.
    key.useCount = Math.min(Number.MAX_SAFE_INTEGER, key.useCount + entry.count);
    if (key.lastUsedAt === null || key.lastUsedAt < entry.lastUsedAt) key.lastUsedAt = entry.lastUsedAt;
    const total = taken.get(slot(entry.id, entry.hourStart));
    if (total) total.count += entry.count;
    else {
      const added = { source: op.source, issuedKeyId: entry.id, hourStart: entry.hourStart, count: entry.count };
      data.importedUsage.push(added);
      taken.set(slot(entry.id, entry.hourStart), added);
    }
  }
  data.importedUsage = data.importedUsage.filter((u) => u.hourStart >= op.forgetBefore);
}

// Keys are looked up by id on every patch; a per-array index keeps that O(1) at 100,000 keys. Keys are
// only removed by deleting their app, which replaces the array, so the index stays valid while the
// array is the same object with the same length.
const byId = new WeakMap<object, { length: number; map: Map<string, KeyhavenFile['keys'][number]> }>();

export function findKey(data: Readonly<KeyhavenFile>, id: string): KeyhavenFile['keys'][number] | undefined {
  let index = byId.get(data.keys);
  if (!index || index.length !== data.keys.length) {
    index = { length: data.keys.length, map: new Map(data.keys.map((key) => [key.id, key])) };
    byId.set(data.keys, index);
  }
  return index.map.get(id);
}

/** The app with this id, or NOT_FOUND: the one lookup of an app in the data (services, keysets, secrets). */
export function findApp(data: Readonly<KeyhavenFile>, appId: string): App {
  const app = data.apps.find((candidate) => candidate.id === appId);
  if (!app) throw notFound('The app');
  return app;
}
