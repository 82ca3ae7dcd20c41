import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { acquireFileLock } from '../../storage/file-lock';
import { runGit } from '../git/git-runner';
import { GitError } from '../git/git-errors';
import type { TeamRepoOptions } from '../git/team-repo';
import type { TeamIdentity } from '../team-identity';

/**
 * Where team vaults' working copies live in the data folder, and who commits in them. Each team
 * vault has its own clone under `teams/<vault id>`: git's objects, never a secret in clear (every
 * entry file is age-encrypted).
 */
export const TEAMS_DIR = 'teams';

export const workingCopyOf = (dataDir: string, vaultId: string): string => join(dataDir, TEAMS_DIR, vaultId);

/** A clone made for a Join, before it has a vault to be named after. */
export const joiningCopy = (dataDir: string): string => join(dataDir, TEAMS_DIR, `joining-${randomUUID()}`);

/**
 * The commit author: the member's name, and an address under the reserved `.invalid` domain that
 * names their fingerprint (Keyhaven knows no e-mail address, and must not borrow git's global one).
 */
export function repoOptionsFor(me: TeamIdentity): TeamRepoOptions {
  return { identity: { name: me.name, email: `${me.fingerprint}@keyhaven.invalid` } };
}

/**
 * Sharing to a local path that does not exist yet (a folder on a shared drive) makes a bare
 * repository there first, as `git init --bare` would; any other address must already be a repository.
 */
export async function prepareLocalRemote(url: string): Promise<void> {
  if (!isAbsolute(url) || existsSync(url)) return;
  await mkdir(url, { recursive: true });
  const result = await runGit(['init', '-q', '--bare', '--template=', '--initial-branch=main'], { cwd: url });
  if (result.code !== 0) {
    await rm(url, { recursive: true, force: true });
    throw new GitError('FAILED', `Keyhaven could not make a git repository at ${url}.`);
  }
}

/** How long an operation waits for another process's on the same team vault (a removal over a slow network). */
const TEAM_LOCK_TIMEOUT_MS = 120_000;

/**
 * One operation at a time on a team vault's working copy, across processes (the app and the command
 * line): `teams/<vault id>.lock`. Holding it, an operation may rewrite entry files in place and put
 * back whatever an operation cut short (a crash, a kill) left uncommitted.
 */
export async function withTeamLock<T>(dataDir: string, vaultId: string, work: () => Promise<T>): Promise<T> {
  await mkdir(join(dataDir, TEAMS_DIR), { recursive: true, mode: 0o700 });
  const release = await acquireFileLock(workingCopyOf(dataDir, vaultId), { timeoutMs: TEAM_LOCK_TIMEOUT_MS });
  try {
    return await work();
  } finally {
    await release();
  }
}
