import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openDocumentStore } from '../storage';
import { keyhavenMigrations } from './migrations';
import { applyOp, type Op } from './ops';
import { KEYHAVEN_SCHEMA_VERSION, keyhavenFileSchema, type KeyhavenFile } from './schema';

export const KEYHAVEN_FILE_NAME = 'keyhaven.json';

/** What services see of the data file: a read-only snapshot, and atomic commits of planned ops. */
export interface KeyhavenDb {
  readonly file: string;
  snapshot(): Readonly<KeyhavenFile>;
  /** `plan` reads the current data (never mutates it) and returns the ops to apply, atomically. */
  commit<R>(plan: (data: Readonly<KeyhavenFile>) => { ops: Op[]; result: R }): Promise<R>;
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

/** Opens (or, when absent, prepares) the main data file of a data folder. */
export async function openKeyhavenDb(dataDir: string): Promise<KeyhavenDb> {
  const store = await openDocumentStore<KeyhavenFile>({
    file: join(dataDir, KEYHAVEN_FILE_NAME),
    schemaVersion: KEYHAVEN_SCHEMA_VERSION,
    defaults: emptyKeyhavenFile,
    migrations: keyhavenMigrations,
    validate: (data) => keyhavenFileSchema.parse(data),
  });
  return {
    file: store.file,
    snapshot: () => store.snapshot(),
    commit: (plan) =>
      store.update((data) => {
        const { ops, result } = plan(data);
        for (const op of ops) applyOp(data, op);
        return result;
      }),
    close: () => store.close(),
  };
}
