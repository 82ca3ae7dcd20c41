/**
 * Replays local commits onto the remote head, settling every conflict through the caller's resolver:
 * its bytes are written and staged, and the rebase continues, until it ends. A person never sees a
 * conflict marker, and the working copy never holds one when the rebase stops (the abort restores it).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GitError } from './git-errors';
import { failed, literal } from './git-runner';
import type { ConflictResolver } from './sync-report';
import type { WorkingCopy } from './working-copy';

export interface RebaseOutcome {
  resolved: string[];
  resolverMs: number;
}

/**
 * Rebases the local branch onto `upstream`. Throws GitError CONFLICT_UNRESOLVED when the resolver
 * throws, FAILED when git stops for another reason; in both cases the rebase is aborted first, so the
 * branch and working copy are back where they were.
 */
export async function rebaseOnto(
  repo: WorkingCopy,
  upstream: string,
  resolve: ConflictResolver,
): Promise<RebaseOutcome> {
  const outcome: RebaseOutcome = { resolved: [], resolverMs: 0 };
  let result = await repo.run(['rebase', '-q', '--no-verify', '--no-gpg-sign', upstream]);
  // Each round settles the conflicts of one replayed commit; a commit list is finite, and so is this.
  while (result.code !== 0) {
    if (!rebaseInProgress(repo)) throw failed(['rebase'], result);
    const conflicts = await unmergedPaths(repo);
    if (conflicts.size === 0) {
      await abortRebase(repo);
      throw failed(['rebase'], result);
    }
    for (const [path, stages] of conflicts) {
      // In a rebase git's "ours" (stage 2) is the upstream being built on, i.e. the remote; "theirs"
      // (stage 3) is the local commit being replayed. The resolver is given them the member's way round.
      const ours = stages.get(3) ? await readBlob(repo, stages.get(3) as string) : null;
      const theirs = stages.get(2) ? await readBlob(repo, stages.get(2) as string) : null;
      const base = stages.get(1) ? await readBlob(repo, stages.get(1) as string) : null;
      const started = performance.now();
      let kept: Buffer | null;
      try {
        kept = await resolve(path, ours, theirs, base);
      } catch (error) {
        await abortRebase(repo);
        throw Object.assign(
          new GitError(
            'CONFLICT_UNRESOLVED',
            `Keyhaven could not merge ${path}, changed both here and by a teammate. Nothing was changed; ` +
              'your changes are kept and the sync can be tried again.',
          ),
          { cause: error },
        );
      } finally {
        outcome.resolverMs += performance.now() - started;
      }
      await settle(repo, path, kept);
      if (!outcome.resolved.includes(path)) outcome.resolved.push(path);
    }
    result = await repo.run(['rebase', '--continue']);
  }
  return outcome;
}

export function rebaseInProgress(repo: WorkingCopy): boolean {
  return existsSync(join(repo.dir, '.git', 'rebase-merge')) || existsSync(join(repo.dir, '.git', 'rebase-apply'));
}

export async function abortRebase(repo: WorkingCopy): Promise<void> {
  if (!rebaseInProgress(repo)) return;
  await repo.mustRun(['rebase', '--abort']);
}

/** Unmerged paths with their blobs by stage (1 base, 2 upstream, 3 the replayed commit). */
async function unmergedPaths(repo: WorkingCopy): Promise<Map<string, Map<number, string>>> {
  const listing = (await repo.mustRun(['ls-files', '-u', '-z'])).stdout.toString('utf8');
  const paths = new Map<string, Map<number, string>>();
  for (const record of listing.split('\0')) {
    const match = /^\d+ ([0-9a-f]+) ([123])\t(.+)$/s.exec(record);
    if (!match) continue;
    const [, blob, stage, path] = match as unknown as [string, string, string, string];
    const stages = paths.get(path) ?? new Map<number, string>();
    stages.set(Number(stage), blob);
    paths.set(path, stages);
  }
  return paths;
}

async function readBlob(repo: WorkingCopy, blob: string): Promise<Buffer> {
  return (await repo.mustRun(['cat-file', 'blob', blob])).stdout;
}

/** Writes the resolver's choice into the working copy and the index, which ends the path's conflict. */
async function settle(repo: WorkingCopy, path: string, kept: Buffer | null): Promise<void> {
  const file = join(repo.dir, path);
  if (kept === null) {
    await rm(file, { force: true });
    await repo.mustRun(['rm', '-q', '--cached', '--ignore-unmatch', '--', literal(path)]);
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, kept);
  await repo.mustRun(['add', '--', literal(path)]);
}
