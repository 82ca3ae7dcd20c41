import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openJournaledStore } from '../storage';
import { keyhavenMigrations } from './migrations';
import { applyOp, opSchema, type Op } from './ops';
import { KEYHAVEN_SCHEMA_VERSION, keyhavenFileSchema, type KeyhavenFile } from './schema';

export const KEYHAVEN_FILE_NAME = 'keyhaven.json';

/** What services see of the data file: a read-only snapshot, and atomic commits of planned ops. */
export interface KeyhavenDb {
  readonly file: string;
  snapshot(): Readonly<KeyhavenFile>;
  /** `plan` reads the current data (never mutates it) and returns the ops to apply, atomically. */
  commit<R>(plan: (data: Readonly<KeyhavenFile>) => { ops: Op[]; result: R }): Promise<R>;
  /** Another process committed and this one caught up (store-follower.ts). */
  onExternalChange(listener: () => void): () => void;
  close(): Promise<void>;
}

export const emptyKeyhavenFile = (): KeyhavenFile => ({
  schemaVersion: KEYHAVEN_SCHEMA_VERSION,
  journalSeq: 0,
  installationId: randomUUID(),
  apps: [],
  keys: [],
  verifyBuckets: [],
});

/**
 * Opens (or, when absent, prepares) the main data file of a data folder: a snapshot plus a
 * write-ahead journal, so a commit costs one appended line and an fsync whatever the store's size.
 * The journal is folded into the snapshot every 1,000 commits and on close; 1,000 keeps the replay
 * after a crash well under the 10,000-key cold-load budget.
 */
export async function openKeyhavenDb(dataDir: string): Promise<KeyhavenDb> {
  return openJournaledStore<KeyhavenFile, Op>({
    file: join(dataDir, KEYHAVEN_FILE_NAME),
    schemaVersion: KEYHAVEN_SCHEMA_VERSION,
    defaults: emptyKeyhavenFile,
    migrations: keyhavenMigrations,
    validate: (data) => keyhavenFileSchema.parse(data),
    apply: applyOp,
    parseOp: (raw) => opSchema.parse(raw),
    compactAfter: { commits: 1_000, bytes: 16 * 1024 * 1024 },
  });
}
