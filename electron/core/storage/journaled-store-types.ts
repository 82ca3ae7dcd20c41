import type { DocumentOptions } from './document-options';

/** A data document with the journal's position in it (journaled-store.ts explains the design). */
export type Journaled = { schemaVersion: number; journalSeq: number };

export interface JournaledStoreOptions<T extends Journaled, Op> extends DocumentOptions<T> {
  /** Applies one op to the data in place. Deterministic; used for live commits and for replay. */
  apply: (data: T, op: Op) => void;
  /** Validates an op read back from the journal; throws → CORRUPT. Also run on every commit's ops. */
  parseOp?: (raw: unknown) => Op;
  /** Compact (rewrite the snapshot, empty the journal) once the journal reaches either; defaults 5000 commits / 16 MB. */
  compactAfter?: { commits: number; bytes: number };
  /** Default `<file>.journal`. */
  journalFile?: string;
  /** How often to look for other processes' commits (store-follower.ts); default 50 ms, 0 for never. */
  followEveryMs?: number;
  /**
   * Runs before each commit waits for its turn: loads what `sealOps` needs (a key from the keychain).
   * Its failure does not stop the commit; `sealOps` decides whether the ops can go without it.
   */
  prepareCommit?: () => Promise<unknown>;
  /** Adds seals to the planned ops (keys/key-seal.ts, vaults/entry-seal.ts); throws to refuse them. */
  sealOps?: (data: Readonly<T>, ops: Op[]) => Op[];
  /** Where a failed catch-up with another process's commit is reported; it resurfaces on the next use. */
  onFollowError?: (error: unknown) => void;
}

export interface JournaledStore<T, Op> {
  readonly file: string;
  /** The current in-memory data, no I/O. Read-only: change it through commit(). */
  snapshot(): Readonly<T>;
  /** plan sees the current data (must not mutate it) and returns the ops to commit and a result. */
  commit<R>(plan: (data: Readonly<T>) => { ops: Op[]; result: R }): Promise<R>;
  /** Folds the journal into the snapshot now. */
  compact(): Promise<void>;
  /** Catches up with other processes' commits now instead of at the next poll; true when data changed. */
  refreshFromDisk(): Promise<boolean>;
  /** Calls `listener` after another process's commits changed the data here; returns an unsubscribe. */
  onExternalChange(listener: () => void): () => void;
  /** Waits for queued commits, compacts when the journal is non-empty, closes handles; later calls reject. */
  close(): Promise<void>;
}
