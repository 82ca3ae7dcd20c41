/**
 * One sync of a working clone: fetch; check that the remote still contains what we last synced (a
 * force-push would otherwise silently drop teammates' changes); rebase local commits onto the remote,
 * settling conflicts through the resolver; push; on a push rejected because someone pushed meanwhile,
 * fetch and go round again a few times. This is `git pull --rebase` + `git push`, taken apart so that
 * the history check runs between the fetch and the rebase, before anything local changes.
 */
import { performance } from 'node:perf_hooks';
import { GitError, transportError } from './git-errors';
import { failed } from './git-runner';
import { abortRebase, rebaseOnto } from './rebase-conflicts';
import type { SyncOptions, SyncReport } from './sync-report';
import type { WorkingCopy } from './working-copy';

const DEFAULT_PUSH_ATTEMPTS = 3;

type Outcome = Omit<SyncReport, 'timings' | 'pathsChanged' | 'localHead' | 'pushAttempts' | 'resolved'>;

export async function syncRepo(repo: WorkingCopy, options: SyncOptions): Promise<SyncReport> {
  const started = performance.now();
  repo.takeGitMs();
  const resolved = new Set<string>();
  let resolverMs = 0;
  let pushAttempts = 0;
  /** The local head once the sync has started; undefined while it failed before that (nothing changed). */
  let headBefore: string | null | undefined;

  const report = async (outcome: Outcome): Promise<SyncReport> => {
    const localHead = await repo.head().catch(() => null);
    const pathsChanged =
      headBefore === undefined ? [] : await changedPaths(repo, headBefore, localHead).catch(() => []);
    return {
      ...outcome,
      pathsChanged,
      resolved: [...resolved],
      localHead,
      pushAttempts,
      timings: { totalMs: performance.now() - started, gitMs: repo.takeGitMs(), resolverMs },
    };
  };

  try {
    await abortRebase(repo); // a sync interrupted mid-rebase (the app was killed) starts over cleanly
    await assertNothingUncommitted(repo);
    headBefore = await repo.head();
    let baseline = options.lastSyncedRemote;
    let behind = 0;
    const maxAttempts = options.maxPushAttempts ?? DEFAULT_PUSH_ATTEMPTS;
    for (;;) {
      let remote: string | null;
      try {
        remote = await repo.fetchRemote();
      } catch (error) {
        if (!isOffline(error)) throw error;
        const ahead = await repo.count(await repo.trackedRemoteHead(), await repo.head());
        const remoteHead = await repo.trackedRemoteHead();
        return await report({ state: 'offline', ahead, behind, remoteHead, problem: problemOf(error) });
      }
      if (baseline !== null && !(await contains(repo, remote, baseline))) {
        const local = await repo.head();
        return await report({
          state: 'history-rewritten',
          ahead: await repo.count(remote, local),
          behind: await repo.count(local, remote),
          remoteHead: remote,
          problem: {
            code: 'HISTORY_REWRITTEN',
            message:
              `The history of the team repository ${repo.url} was rewritten (force-pushed): it no longer ` +
              `contains commit ${baseline.slice(0, 12)}, which this copy last synced. Nothing was changed here.`,
          },
        });
      }
      const local = await repo.head();
      if (remote !== null) {
        await repo.mustRun(['update-ref', repo.trackingRef, remote]);
        if (local === null) {
          behind += await repo.count(null, remote);
          await repo.mustRun(['reset', '-q', '--hard', remote]);
        } else if (!(await contains(repo, local, remote))) {
          behind += await repo.count(local, remote);
          const outcome = await rebaseOnto(repo, remote, options.resolve);
          outcome.resolved.forEach((path) => resolved.add(path));
          resolverMs += outcome.resolverMs;
        }
      }
      const head = await repo.head();
      const ahead = await repo.count(remote, head);
      if (ahead === 0 || head === null) {
        return await report({ state: 'synced', ahead: 0, behind, remoteHead: remote });
      }
      pushAttempts += 1;
      const pushed = await push(repo);
      if (pushed === 'pushed') {
        await repo.mustRun(['update-ref', repo.trackingRef, head]);
        return await report({ state: 'synced', ahead: 0, behind, remoteHead: head });
      }
      if (pushed instanceof GitError) {
        return await report({ state: 'offline', ahead, behind, remoteHead: remote, problem: problemOf(pushed) });
      }
      if (pushAttempts >= maxAttempts) {
        throw new GitError(
          'PUSH_REJECTED',
          `Teammates kept sending changes to ${repo.url} while Keyhaven was sending yours (${pushAttempts} tries). ` +
            'Your changes are kept and sent at the next sync.',
        );
      }
      baseline = remote; // verified above: the next fetch must still contain it
    }
  } catch (error) {
    await abortRebase(repo).catch(() => undefined);
    const remoteHead = await repo.trackedRemoteHead().catch(() => null);
    const ahead = await repo.count(remoteHead, await repo.head()).catch(() => 0);
    return report({ state: 'failed', ahead, behind: 0, remoteHead, problem: problemOf(error) });
  }
}

/** Whether `commit` is in the history of `head` (a missing head or an unknown commit: no). */
async function contains(repo: WorkingCopy, head: string | null, commit: string): Promise<boolean> {
  if (head === null) return false;
  const result = await repo.run(['merge-base', '--is-ancestor', commit, head]);
  if (result.code === 0) return true;
  if (result.code === 1) return false;
  // 128: `commit` is not an object this clone has, so the remote's history cannot be shown to hold it
  const known = await repo.run(['cat-file', '-e', `${commit}^{commit}`]);
  if (known.code !== 0) return false;
  throw failed(['merge-base'], result);
}

/**
 * Pushes the local branch without force. Returns 'pushed', 'rejected' when the remote moved meanwhile
 * (porcelain flag `!` with `[rejected]`), or the GitError that says why the remote could not be reached.
 */
async function push(repo: WorkingCopy): Promise<'pushed' | 'rejected' | GitError> {
  let result;
  try {
    result = await repo.run(['push', '--porcelain', '--no-verify', 'origin', `HEAD:refs/heads/${repo.branch}`]);
  } catch (error) {
    if (error instanceof GitError && error.code === 'TIMEOUT') return error;
    throw error;
  }
  if (result.code === 0) return 'pushed';
  const line = result.stdout
    .toString('utf8')
    .split('\n')
    .find((candidate) => candidate.split('\t')[1]?.endsWith(`:refs/heads/${repo.branch}`));
  if (line?.startsWith('!')) {
    if (line.split('\t')[2]?.startsWith('[rejected]')) return 'rejected';
    throw failed(['push'], result); // [remote rejected]: a hook or protection on the host said no
  }
  const error = transportError('send to', repo.url, result.stderr);
  if (error.code === 'AUTH') throw error;
  return error;
}

async function assertNothingUncommitted(repo: WorkingCopy): Promise<void> {
  const status = await repo.mustRun(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
  if (status.stdout.length > 0) {
    throw new GitError(
      'UNCOMMITTED_CHANGES',
      `The team repository's working copy ${repo.dir} has changes that were not committed; Keyhaven ` +
        'commits its changes before a sync, so another program changed these files.',
    );
  }
}

/** Files that differ between the working copy before and after the sync. */
async function changedPaths(repo: WorkingCopy, before: string | null, after: string | null): Promise<string[]> {
  if (after === null || before === after) return [];
  const args =
    before === null
      ? ['ls-tree', '-r', '--name-only', '-z', after]
      : ['diff', '--name-only', '-z', '--no-renames', before, after];
  return (await repo.mustRun(args)).stdout.toString('utf8').split('\0').filter(Boolean);
}

function isOffline(error: unknown): error is GitError {
  return error instanceof GitError && (error.code === 'UNREACHABLE' || error.code === 'TIMEOUT');
}

function problemOf(error: unknown): NonNullable<SyncReport['problem']> {
  if (error instanceof GitError) return { code: error.code, message: error.message };
  // a bug or an I/O error of Keyhaven's own: its message names files, never contents
  return { code: 'FAILED', message: error instanceof Error ? error.message : String(error) };
}
