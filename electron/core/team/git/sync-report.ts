import type { GitErrorCode } from './git-errors';

/**
 * Settles one file that both the member (`ours`: the local commit being replayed) and the remote
 * (`theirs`) changed since they last agreed (`base`, null when the file is new on both sides); null
 * on a side means that side deleted it. Returns the bytes to keep, or null to delete the file.
 * Called instead of ever writing conflict markers.
 */
export type ConflictResolver = (
  path: string,
  ours: Buffer | null,
  theirs: Buffer | null,
  base: Buffer | null,
) => Promise<Buffer | null>;

export type SyncState =
  /** Remote changes are in the working copy and local commits are on the remote. */
  | 'synced'
  /** The remote could not be reached; local commits wait (`ahead`) for a later sync. */
  | 'offline'
  /** The remote's history no longer contains the last synced commit (a force-push): nothing was changed. */
  | 'history-rewritten'
  /**
   * Something else went wrong (`problem` says what). An unsettled conflict or a git error mid-rebase
   * leaves the working copy as it was; `pathsChanged` lists what did change (remote changes brought in
   * before a push that teammates kept beating).
   */
  | 'failed';

export interface SyncTimings {
  /** The whole sync, resolver included. */
  totalMs: number;
  /** Time spent inside git processes (network included), measured apart for the benchmark. */
  gitMs: number;
  /** Time spent in the caller's resolver. */
  resolverMs: number;
}

export interface SyncReport {
  state: SyncState;
  /** Local commits the remote does not have after this sync (waiting to be sent when offline). */
  ahead: number;
  /** Remote commits this sync brought in (history-rewritten: remote commits the local branch lacks). */
  behind: number;
  /** Files this sync changed in the working copy (the remote's changes and resolved conflicts). */
  pathsChanged: string[];
  /** Files the resolver settled. */
  resolved: string[];
  /**
   * The remote head after this sync: the caller stores it as `lastSyncedRemote` when `state` is
   * `synced`. Offline: the last one known; history-rewritten: the new, rewritten head; null while the
   * remote has no branch yet.
   */
  remoteHead: string | null;
  /** The local branch's head after this sync. */
  localHead: string | null;
  /** How many pushes were tried (a rejected one is followed by a fetch and another try). */
  pushAttempts: number;
  problem?: { code: GitErrorCode | 'HISTORY_REWRITTEN'; message: string };
  timings: SyncTimings;
}

export interface SyncOptions {
  /** The remote head of the last sync that succeeded (the caller stores it), or null before the first. */
  lastSyncedRemote: string | null;
  /** Settles each file both sides changed; never shown to a person as conflict markers. */
  resolve: ConflictResolver;
  /** How many times a push rejected because someone pushed meanwhile is retried (default 3). */
  maxPushAttempts?: number;
}
