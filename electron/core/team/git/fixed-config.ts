import { join } from 'node:path';

/**
 * The `-c` settings every git command in a team working copy runs with: they override the user's
 * ~/.gitconfig for Keyhaven's own clone only, so a background sync never runs their hooks, signs with
 * their key (and prompts), converts line endings or merges encrypted files line by line.
 */
export function fixedGitConfig(dir: string): string[] {
  const settings = [
    // a folder that never exists: no hook of the user's (core.hooksPath in ~/.gitconfig) runs
    `core.hooksPath=${join(dir, '.git', 'keyhaven-no-hooks')}`,
    'commit.gpgSign=false', // signing would ask for a passphrase; entry files carry their own signatures
    'push.gpgSign=false',
    'core.autocrlf=false',
    'core.safecrlf=false',
    'core.fsmonitor=false',
    'core.quotePath=false',
    'merge.renames=false', // encrypted files never look alike; a "rename" would only confuse conflicts
    'diff.renames=false',
    'rebase.backend=merge', // conflicts are read from the index the same way on every git
    'rebase.autoStash=false',
    'rebase.autoSquash=false',
    'rebase.updateRefs=false',
    'advice.detachedHead=false',
    'gc.autoDetach=false',
    // age files never look alike (new random keys each write): looking for deltas between them when
    // packing a push of 1,000 re-encrypted entries only costs time
    'pack.window=0',
  ];
  return settings.flatMap((setting) => ['-c', setting]);
}
