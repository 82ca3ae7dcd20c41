import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { runGit } from '../../../../electron/core/team/git/git-runner';
import type { ConflictResolver, SyncReport } from '../../../../electron/core/team/git/sync-report';
import { TeamRepo } from '../../../../electron/core/team/git/team-repo';

export interface Member {
  name: string;
  repo: TeamRepo;
  /** The remote head of this member's last successful sync, as the caller of `sync` would store it. */
  lastSynced: string | null;
}

export interface ResolverCall {
  path: string;
  ours: string | null;
  theirs: string | null;
}

/**
 * A bare repository in a fresh temporary folder (the team's remote) and members cloned from it, each
 * in its own folder; everything is removed after the test.
 */
export function useTeamRemote(): {
  root: () => string;
  remote: () => string;
  member: (name: string, url?: string) => Promise<Member>;
} {
  let root: string | undefined;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'keyhaven-team-git-'));
    const init = await runGit(['init', '-q', '--bare', '--initial-branch=main', 'remote.git'], { cwd: root });
    expect(init.code).toBe(0);
  });
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
  });
  const here = (): string => {
    if (!root) throw new Error('useTeamRemote: outside a test');
    return root;
  };
  return {
    root: here,
    remote: () => join(here(), 'remote.git'),
    member: async (name, url = join(here(), 'remote.git')) => ({
      name,
      repo: await TeamRepo.clone(url, join(here(), name), { identity: identity(name) }),
      lastSynced: null,
    }),
  };
}

export function identity(name: string): { name: string; email: string } {
  return { name, email: `${name}@team.test` };
}

/** Syncs like the app does: stores the remote head after a successful sync. */
export async function sync(member: Member, resolve: ConflictResolver = refuseConflicts): Promise<SyncReport> {
  const report = await member.repo.sync({ lastSyncedRemote: member.lastSynced, resolve });
  if (report.state === 'synced') member.lastSynced = report.remoteHead;
  return report;
}

export const refuseConflicts: ConflictResolver = (path) => {
  throw new Error(`unexpected conflict on ${path}`);
};

/** A resolver that records its calls and keeps what `choose` returns. */
export function recordingResolver(choose: (call: ResolverCall) => string | null): {
  resolve: ConflictResolver;
  calls: ResolverCall[];
} {
  const calls: ResolverCall[] = [];
  return {
    calls,
    resolve: async (path, ours, theirs) => {
      const call = { path, ours: ours?.toString('utf8') ?? null, theirs: theirs?.toString('utf8') ?? null };
      calls.push(call);
      const kept = choose(call);
      return kept === null ? null : Buffer.from(kept);
    },
  };
}

export async function writeEntry(member: Member, path: string, text: string): Promise<void> {
  const file = join(member.repo.dir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

export async function readEntry(member: Member, path: string): Promise<string | null> {
  try {
    return await readFile(join(member.repo.dir, path), 'utf8');
  } catch {
    return null;
  }
}

/** Writes files and commits them as the member, as a vault change would. */
export async function change(member: Member, files: Record<string, string | null>): Promise<string | null> {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) await rm(join(member.repo.dir, path), { force: true });
    else await writeEntry(member, path, text);
  }
  const count = Object.keys(files).length;
  return member.repo.commitAll(Object.keys(files), `keyhaven: ${count} entries changed`, identity(member.name));
}

/** git in a folder, outside TeamRepo (the test's own view of a repository), failing on a non-zero exit. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const result = await runGit(args, { cwd });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.toString('utf8');
}

/** Every file of every commit on all refs, plus the working tree, searched for conflict markers. */
export async function conflictMarkersIn(dir: string): Promise<string> {
  const pattern = '^(<<<<<<<|>>>>>>>|=======$)';
  const tree = await runGit(['grep', '-n', '-E', '--untracked', pattern], { cwd: dir });
  const revs = (await git(dir, ['rev-list', '--all'])).split('\n').filter(Boolean);
  const history = revs.length ? await runGit(['grep', '-n', '-E', pattern, ...revs], { cwd: dir }) : null;
  // `git grep` exits 1 when nothing matched; 0 prints the matches
  expect(tree.code === 0 || tree.code === 1).toBe(true);
  return tree.stdout.toString('utf8') + (history?.stdout.toString('utf8') ?? '');
}
