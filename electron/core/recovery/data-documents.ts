/**
 * What recovery needs to know of each data document: its file name and how to tell a copy that opens
 * cleanly (its schema version and validation, the same the store applies when it opens the file).
 */
import { join } from 'node:path';
import type { DataPart } from '../../../shared/domain/data-recovery';
import type { Migrations } from '../storage/migrate-document';
import { CONSOLE_FILE_NAME, CONSOLE_SCHEMA_VERSION, consoleFileSchema } from '../console/console-db';
import { vaultMigrations } from '../vaults/vault-migrations';
import { consoleMigrations } from '../console/console-migrations';
import { KEYHAVEN_FILE_NAME } from '../db/keyhaven-db';
import { KEYHAVEN_SCHEMA_VERSION, keyhavenFileSchema } from '../db/schema';
import { VAULTS_FILE_NAME } from '../vaults/vault-db';
import { VAULTS_SCHEMA_VERSION, vaultFileSchema } from '../vaults/vault-schema';

export interface DataDocument {
  part: DataPart;
  fileName: string;
  schemaVersion: number;
  /** Throws when data of the current schema version does not have the document's shape. */
  validate: (data: unknown) => unknown;
  /** Set where an older copy can be checked by migrating it first (console.json). */
  migrations?: Migrations;
}

export const DATA_DOCUMENTS: Readonly<Record<DataPart, DataDocument>> = {
  keys: {
    part: 'keys',
    fileName: KEYHAVEN_FILE_NAME,
    schemaVersion: KEYHAVEN_SCHEMA_VERSION,
    validate: (data) => keyhavenFileSchema.parse(data),
  },
  vaults: {
    part: 'vaults',
    fileName: VAULTS_FILE_NAME,
    schemaVersion: VAULTS_SCHEMA_VERSION,
    validate: (data) => vaultFileSchema.parse(data),
    migrations: vaultMigrations,
  },
  console: {
    part: 'console',
    fileName: CONSOLE_FILE_NAME,
    schemaVersion: CONSOLE_SCHEMA_VERSION,
    validate: (data) => consoleFileSchema.parse(data),
    migrations: consoleMigrations,
  },
};

export const documentPath = (dataDir: string, part: DataPart): string => join(dataDir, DATA_DOCUMENTS[part].fileName);

export { journalPathOf } from '../storage/backup-candidates';
