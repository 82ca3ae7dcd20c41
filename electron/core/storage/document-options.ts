import type { Migrations } from './migrate-document';

/** How a Keyhaven data document is named, versioned, migrated and validated (journaled-store.ts). */
export interface DocumentOptions<T extends { schemaVersion: number }> {
  /** Absolute path of the JSON file. */
  file: string;
  /** The version this code writes. */
  schemaVersion: number;
  /** Used only when the file does not exist; written on the first commit, not on open. */
  defaults: () => T;
  /** `migrations[n]` turns version n into n + 1; `<file>.v<n>.bak` is written before migrating. */
  migrations?: Migrations;
  /** Throws on shape errors, which become StorageError CORRUPT. */
  validate?: (data: unknown) => T;
  /** How long a commit waits for another process's lock; default 10 s. */
  lockTimeoutMs?: number;
  /** Names the rotating snapshots; injectable for tests. */
  now?: () => Date;
}
