import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openDocumentStore, type DocumentStore } from '../storage';
import { KEYHAVEN_SCHEMA_VERSION, keyhavenFileSchema, type KeyhavenFile } from './schema';

export const KEYHAVEN_FILE_NAME = 'keyhaven.json';

export type KeyhavenDb = DocumentStore<KeyhavenFile>;

/** Opens (or, when absent, prepares) the main data file of a data folder. */
export function openKeyhavenDb(dataDir: string): Promise<KeyhavenDb> {
  return openDocumentStore<KeyhavenFile>({
    file: join(dataDir, KEYHAVEN_FILE_NAME),
    schemaVersion: KEYHAVEN_SCHEMA_VERSION,
    defaults: () => ({
      schemaVersion: KEYHAVEN_SCHEMA_VERSION,
      installationId: randomUUID(),
      apps: [],
      keys: [],
      activity: [],
    }),
    validate: (data) => keyhavenFileSchema.parse(data),
  });
}
