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
  /**
   * A process that opens the file for one command and exits (the command line): it takes no copy in
   * backups/ when opening — a script calling it in a loop would otherwise push the app's five copies
   * out within five calls — and leaves its commits in the journal at close, for the next long-lived
   * open or the compaction threshold to fold in, instead of rewriting the whole file every call. A
   * snapshot whose checksum holds is taken as Keyhaven wrote it — from data and ops that were
   * validated — without validating it again (35 ms of a 1,000-entry vault's open); every long-lived
   * open, the app's, still validates it, and a file without a checksum is always validated.
   */
  shortLived?: boolean;
}
