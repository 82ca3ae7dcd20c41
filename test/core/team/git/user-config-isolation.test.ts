import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { change, conflictMarkersIn, git, readEntry, recordingResolver, sync, useTeamRemote } from './team-fixture';

const team = useTeamRemote();
const savedGlobal = process.env.GIT_CONFIG_GLOBAL;
let ranDir: string;

/** Client-side hooks that would block a background sync if they ran: each records itself and fails. */
const HOOKS = ['pre-commit', 'commit-msg', 'post-commit', 'pre-push', 'pre-rebase', 'post-checkout', 'post-rewrite'];

/**
 * A member's own ~/.gitconfig with every setting that could make a background sync prompt, fail, run
 * their hooks or change bytes. (GIT_CONFIG_GLOBAL points git at it; the real global config is untouched.)
 */
beforeEach(async () => {
  ranDir = join(team.root(), 'ran');
  const hooks = join(team.root(), 'user-hooks');
  const template = join(team.root(), 'template');
  await mkdir(ranDir);
  await mkdir(hooks);
  await mkdir(join(template, 'hooks'), { recursive: true });
  for (const folder of [hooks, join(template, 'hooks')]) {
    for (const hook of HOOKS) {
      await writeFile(join(folder, hook), `#!/bin/sh\ntouch '${join(ranDir, hook)}'\nexit 1\n`);
      await chmod(join(folder, hook), 0o755);
    }
  }
  const gpg = join(team.root(), 'gpg.sh');
  await writeFile(gpg, `#!/bin/sh\ntouch '${join(ranDir, 'gpg')}'\nexit 1\n`);
  await chmod(gpg, 0o755);
  const config = join(team.root(), 'user-gitconfig');
  await writeFile(
    config,
    [
      '[core]',
      '\tautocrlf = true',
      `\thooksPath = ${hooks}`,
      '[commit]',
      '\tgpgSign = true',
      '[push]',
      '\tgpgSign = true',
      '[gpg]',
      `\tprogram = ${gpg}`,
      '[init]',
      `\ttemplateDir = ${template}`,
      '[rebase]',
      '\tbackend = apply',
      '\tautoStash = true',
      '[merge]',
      '\tconflictStyle = diff3',
      '[diff]',
      '\trenames = copies',
      '',
    ].join('\n'),
  );
  process.env.GIT_CONFIG_GLOBAL = config;
});
afterEach(() => {
  if (savedGlobal === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = savedGlobal;
});

describe('TeamRepo under a member’s own git configuration', () => {
  it('commits, rebases, resolves and pushes without running their hooks or signer, keeping bytes exact', async () => {
    const alice = await team.member('alice');
    const bytes = 'age-encryption.org/v1\r\n-> X25519 abc\r\nbody\n';
    await change(alice, { 'entries/a.age': bytes, 'entries/s.age': 's0\n' });
    expect((await sync(alice)).state).toBe('synced');
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(alice, { 'entries/s.age': 's1 alice\n' });
    await change(bob, { 'entries/s.age': 's1 bob\n' });
    await sync(alice);

    const resolver = recordingResolver(() => 'settled\n');
    const report = await sync(bob, resolver.resolve);

    expect(report.state).toBe('synced');
    expect(resolver.calls).toHaveLength(1);
    expect(await readdir(ranDir)).toEqual([]); // no hook and no gpg ran
    expect(await readEntry(bob, 'entries/a.age')).toBe(bytes);
    // the remote stores the bytes as written, not with line endings "normalised" by autocrlf
    expect(await git(team.remote(), ['cat-file', 'blob', 'main:entries/a.age'])).toBe(bytes);
    expect(await git(team.remote(), ['log', '-1', '--format=%G?', 'main'])).toBe('N\n'); // not signed
    expect(await conflictMarkersIn(bob.repo.dir)).toBe('');
  });
});
