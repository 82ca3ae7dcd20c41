import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ActivityRecord, ChainCheck } from '../../../shared/domain/activity';
import { EMPTY_HEAD, type ActivityEvent } from '../activity/activity-event';
import type { ActivityQuery } from '../activity/activity-log';
import type { SealSource } from '../integrity/seal-source';
import { sealKeyOps, touchesKeys } from '../keys/key-seal';
import { openJournaledStore, type JournaledStore } from '../storage';
import { keyhavenMigrations } from './migrations';
import { applyOp, opSchema, type Op } from './ops';
import { KEYHAVEN_SCHEMA_VERSION, keyhavenFileSchema, type KeyhavenFile } from './schema';

export const KEYHAVEN_FILE_NAME = 'keyhaven.json';

/** What a plan commits: ops, the caller's result, and the activity records the change makes. */
export interface PlannedChange<R> {
  ops: Op[];
  result: R;
  /** Committed in the same journal line as the ops, then copied to activity.jsonl (recorded-commit.ts). */
  activity?: ActivityEvent[];
}

/** Reading the activity log: what the page lists and checks. */
export interface ActivityReader {
  /** Newest first. */
  list(query?: ActivityQuery): ActivityRecord[];
  /** Every link, and that the log ends at the head committed in keyhaven.json. */
  check(): Promise<ChainCheck>;
}

/** What services see of the data file: a read-only snapshot, and atomic commits of planned ops. */
export interface KeyhavenDb {
  readonly file: string;
  snapshot(): Readonly<KeyhavenFile>;
  /** `plan` reads the current data (never mutates it) and returns the ops and records, applied atomically. */
  commit<R>(plan: (data: Readonly<KeyhavenFile>) => PlannedChange<R>): Promise<R>;
  /** Records what happened outside this file (a vault key read or changed): a commit of records only. */
  record(events: readonly ActivityEvent[]): Promise<void>;
  readonly activity: ActivityReader;
  /** Another process committed and this one caught up (store-follower.ts). */
  onExternalChange(listener: () => void): () => void;
  close(): Promise<void>;
}

export type KeyhavenStore = JournaledStore<KeyhavenFile, Op>;

export const emptyKeyhavenFile = (): KeyhavenFile => ({
  schemaVersion: KEYHAVEN_SCHEMA_VERSION,
  journalSeq: 0,
  installationId: randomUUID(),
  apps: [],
  keys: [],
  verifyBuckets: [],
  importedUsage: [],
  testApi: { port: null, running: false },
  activity: { head: { ...EMPTY_HEAD }, outbox: [] },
  sealedAt: null,
});

/**
 * Opens (or, when absent, prepares) the main data file of a data folder: a snapshot plus a
 * write-ahead journal, so a commit costs one appended line and an fsync whatever the store's size.
 * The journal is folded into the snapshot every 1,000 commits and on close; 1,000 keeps the replay
 * after a crash well under the 10,000-key cold-load budget. recorded-commit.ts puts the activity log
 * on top of it.
 */
export async function openKeyhavenStore(
  dataDir: string,
  seals: SealSource,
  shortLived = false,
): Promise<KeyhavenStore> {
  return openJournaledStore<KeyhavenFile, Op>({
    shortLived,
    file: join(dataDir, KEYHAVEN_FILE_NAME),
    schemaVersion: KEYHAVEN_SCHEMA_VERSION,
    defaults: emptyKeyhavenFile,
    migrations: keyhavenMigrations,
    validate: (data) => keyhavenFileSchema.parse(data),
    apply: applyOp,
    parseOp: (raw) => opSchema.parse(raw),
    compactAfter: { commits: 1_000, bytes: 16 * 1024 * 1024 },
    prepareCommit: () => seals.prepare(),
    sealOps: (data, ops) => (touchesKeys(ops) ? sealKeyOps(data, ops, seals.require()) : ops),
  });
}
