import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TeamRepo } from '../../../../electron/core/team/git/team-repo';
import { change, git, identity, readEntry, recordingResolver, sync, useTeamRemote, writeEntry } from './team-fixture';

const team = useTeamRemote();

describe('TeamRepo sync against a remote that moves, vanishes or is rewritten', () => {
  it('keeps commits while the remote is unreachable and sends them all at the next sync', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/a.age': 'a0\n' });
    await sync(alice);
    const before = alice.lastSynced;
    await git(alice.repo.dir, ['remote', 'set-url', 'origin', join(team.root(), 'unmounted-share', 'remote.git')]);
    await change(alice, { 'entries/a.age': 'a1\n' });
    const second = await change(alice, { 'entries/b.age': 'b1\n' });

    const offline = await sync(alice);
    expect(offline).toMatchObject({ state: 'offline', ahead: 2, remoteHead: before, localHead: second });
    expect(offline.problem?.code).toBe('UNREACHABLE');
    expect(offline.problem?.message).toContain('kept');
    expect(await git(team.remote(), ['rev-parse', 'main'])).toBe(`${before}\n`);
    expect(alice.lastSynced).toBe(before); // the caller keeps the last synced head while offline

    await git(alice.repo.dir, ['remote', 'set-url', 'origin', team.remote()]);
    const back = await sync(alice);
    expect(back).toMatchObject({ state: 'synced', ahead: 0, remoteHead: second });
    expect(await git(team.remote(), ['rev-list', '--count', 'main'])).toBe('3\n');
    const bob = await team.member('bob');
    expect(await readEntry(bob, 'entries/a.age')).toBe('a1\n');
    expect(await readEntry(bob, 'entries/b.age')).toBe('b1\n');
  });

  it('reports a force-pushed remote as HISTORY_REWRITTEN and changes nothing locally', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/a.age': 'a0\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    const pending = await change(alice, { 'entries/a.age': 'a1 not yet sent\n' });
    const trackedBefore = await alice.repo.trackedRemoteHead();

    // Someone with a plain git rewrites the branch: an unrelated commit, force-pushed.
    const vandal = join(team.root(), 'vandal');
    await git(team.root(), ['clone', '-q', team.remote(), vandal]);
    await git(vandal, ['config', 'user.name', 'vandal']);
    await git(vandal, ['config', 'user.email', 'vandal@team.test']);
    await git(vandal, ['checkout', '-q', '--orphan', 'fresh']);
    await git(vandal, ['rm', '-q', '-r', '--cached', '.']);
    await writeFile(join(vandal, 'x'), 'x\n');
    await git(vandal, ['add', 'x']);
    await git(vandal, ['commit', '-q', '-m', 'rewrite']);
    await git(vandal, ['push', '-q', '--force', 'origin', 'fresh:main']);
    const rewritten = (await git(team.remote(), ['rev-parse', 'main'])).trim();

    const report = await sync(alice);
    expect(report).toMatchObject({
      state: 'history-rewritten',
      remoteHead: rewritten,
      localHead: pending,
      pathsChanged: [],
      problem: { code: 'HISTORY_REWRITTEN' },
    });
    expect(await alice.repo.head()).toBe(pending);
    expect(await alice.repo.trackedRemoteHead()).toBe(trackedBefore);
    expect(await readEntry(alice, 'entries/a.age')).toBe('a1 not yet sent\n');
    expect(await readEntry(alice, 'x')).toBeNull();
    expect(await git(team.remote(), ['rev-parse', 'main'])).toBe(`${rewritten}\n`); // nothing pushed over it

    expect((await sync(bob)).state).toBe('history-rewritten'); // a member with nothing to send as well
    expect(await readEntry(bob, 'entries/a.age')).toBe('a0\n');
  });

  it('fetches and retries when a teammate pushes between its fetch and its push', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/s.age': 's0\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(alice, { 'entries/s.age': 's1 alice\n' });
    await sync(alice);
    await change(bob, { 'entries/s.age': 's1 bob\n' });

    // The resolver runs after bob's fetch and before his push: alice gets another change in first.
    let raced = false;
    const resolver = recordingResolver(() => 'settled\n');
    const report = await bob.repo.sync({
      lastSyncedRemote: bob.lastSynced,
      resolve: async (path, ours, theirs) => {
        if (!raced) {
          raced = true;
          await change(alice, { 'entries/t.age': 't alice\n' });
          expect((await sync(alice)).state).toBe('synced');
        }
        return resolver.resolve(path, ours, theirs, null);
      },
    });

    expect(report).toMatchObject({ state: 'synced', pushAttempts: 2, ahead: 0 });
    expect(await git(team.remote(), ['rev-parse', 'main'])).toBe(`${report.remoteHead}\n`);
    expect(await readEntry(bob, 'entries/t.age')).toBe('t alice\n');
    expect(await readEntry(bob, 'entries/s.age')).toBe('settled\n');
  });

  it('gives up after the allowed push attempts and keeps the local commit', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/s.age': 's0\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(bob, { 'entries/b.age': 'bob\n' });
    let round = 0;
    await change(alice, { 'entries/s.age': 'alice 0\n' });
    await sync(alice);
    await change(bob, { 'entries/s.age': 'bob edit\n' });

    const report = await bob.repo.sync({
      lastSyncedRemote: bob.lastSynced,
      maxPushAttempts: 2,
      resolve: async () => {
        round += 1;
        await change(alice, { 'entries/s.age': `alice ${round}\n` }); // alice always gets there first
        await sync(alice);
        return Buffer.from(`bob over ${round}\n`);
      },
    });

    expect(report).toMatchObject({ state: 'failed', pushAttempts: 2, ahead: 2, problem: { code: 'PUSH_REJECTED' } });
    expect(await git(team.remote(), ['show', 'main:entries/s.age'])).toBe(`alice ${round}\n`);
    expect(await git(bob.repo.dir, ['status', '--porcelain'])).toBe('');
  });

  it('refuses to sync a working copy with uncommitted changes to tracked files', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/a.age': 'a\n' });
    await sync(alice);
    await writeEntry(alice, 'entries/a.age', 'edited behind Keyhaven’s back\n');
    const report = await sync(alice);
    expect(report).toMatchObject({ state: 'failed', pathsChanged: [], problem: { code: 'UNCOMMITTED_CHANGES' } });
    expect(await readEntry(alice, 'entries/a.age')).toBe('edited behind Keyhaven’s back\n');
  });

  it('never puts the password of a credential URL in a message', async () => {
    const url = 'https://user:secret@127.0.0.1:1/x.git';
    const error = await TeamRepo.clone(url, join(team.root(), 'cloned'), {
      identity: identity('a'),
      timeoutMs: 20_000,
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'GitError', code: 'UNREACHABLE' });
    expect(String((error as Error).message)).toContain('127.0.0.1:1');
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('secret');

    const alice = await team.member('alice');
    await change(alice, { 'entries/a.age': 'a\n' });
    await git(alice.repo.dir, ['remote', 'set-url', 'origin', url]);
    const reopened = await TeamRepo.open(alice.repo.dir, { identity: identity('alice'), timeoutMs: 20_000 });
    const report = await reopened.sync({ lastSyncedRemote: null, resolve: async () => null });
    expect(report).toMatchObject({ state: 'offline', ahead: 1, problem: { code: 'UNREACHABLE' } });
    expect(JSON.stringify(report)).not.toContain('secret');
  });
});
