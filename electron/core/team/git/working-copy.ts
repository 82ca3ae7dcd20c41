import type { GitResult } from './git-runner';

/**
 * What a sync and a rebase need of the working clone (TeamRepo implements it). An interface of its
 * own, so team-sync.ts and rebase-conflicts.ts do not import team-repo.ts, which imports them.
 */
export interface WorkingCopy {
  readonly dir: string;
  /** The shared branch (`main`). */
  readonly branch: string;
  /** The remote's address, with any credentials left for redaction by the caller's messages. */
  readonly url: string;
  /** Where the last fetched remote head is kept (a private ref, not the remote-tracking branch). */
  readonly trackingRef: string;
  run(args: readonly string[], extra?: { env?: Record<string, string>; input?: Buffer }): Promise<GitResult>;
  mustRun(args: readonly string[], extra?: { env?: Record<string, string> }): Promise<GitResult>;
  head(): Promise<string | null>;
  trackedRemoteHead(): Promise<string | null>;
  count(from: string | null, to: string | null): Promise<number>;
  fetchRemote(): Promise<string | null>;
  /** git's own time since the last call, measured apart for the bench. */
  takeGitMs(): number;
}
