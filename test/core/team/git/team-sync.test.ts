import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TeamRepo } from '../../../../electron/core/team/git/team-repo';
import {
  type Member,
  change,
  conflictMarkersIn,
  git,
  identity,
  readEntry,
  recordingResolver,
  sync,
  useTeamRemote,
} from './team-fixture';

const team = useTeamRemote();

describe('TeamRepo sync between three members', () => {
  it('clones an empty repository and creates its branch with the first push', async () => {
    const alice = await team.member('alice');
    expect(await alice.repo.head()).toBeNull();
    expect(await git(team.remote(), ['for-each-ref'])).toBe(''); // nothing on the remote yet

    const commit = await change(alice, { 'entries/a.age': 'alpha\n' });
    const report = await sync(alice);

    expect(report).toMatchObject({ state: 'synced', ahead: 0, behind: 0, remoteHead: commit, pushAttempts: 1 });
    expect(report.timings.gitMs).toBeGreaterThan(0);
    expect(report.timings.gitMs).toBeLessThanOrEqual(report.timings.totalMs);
    expect(await git(team.remote(), ['rev-parse', 'refs/heads/main'])).toBe(`${commit}\n`);
    expect(await git(team.remote(), ['log', '-1', '--format=%an <%ae>|%s'])).toBe(
      'alice <alice@team.test>|keyhaven: 1 entries changed\n',
    );
    const bob = await team.member('bob');
    expect(await readEntry(bob, 'entries/a.age')).toBe('alpha\n');
    expect(await bob.repo.head()).toBe(commit);
  });

  it('brings concurrent changes of different files to all three members', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/base.age': 'base\n' });
    await sync(alice);
    const bob = await team.member('bob');
    const carol = await team.member('carol');
    bob.lastSynced = alice.lastSynced;
    carol.lastSynced = alice.lastSynced;

    await change(alice, { 'entries/a.age': 'from alice\n' });
    await change(bob, { 'entries/b.age': 'from bob\n' });
    const first = await sync(alice);
    const second = await sync(bob); // bob's push is behind alice's: fetch, rebase, push
    const third = await sync(carol);

    expect(first).toMatchObject({ state: 'synced', behind: 0 });
    expect(second).toMatchObject({ state: 'synced', behind: 1, pathsChanged: ['entries/a.age'], resolved: [] });
    expect(third).toMatchObject({ state: 'synced', behind: 2 });
    expect([...third.pathsChanged].sort()).toEqual(['entries/a.age', 'entries/b.age']);
    await sync(alice);
    for (const member of [alice, bob, carol]) {
      expect(await readEntry(member, 'entries/a.age')).toBe('from alice\n');
      expect(await readEntry(member, 'entries/b.age')).toBe('from bob\n');
      expect(await member.repo.head()).toBe(second.remoteHead);
    }
    // a straight line, no merge commits: bob's commit was replayed on top of alice's
    expect(await git(team.remote(), ['rev-list', '--merges', '--count', 'main'])).toBe('0\n');
  });

  it('hands a file both changed to the resolver, commits its result and leaves no conflict markers', async () => {
    const alice = await team.member('alice');
    // Ten lines; alice changes the first and bob the last: a line merge would combine them "cleanly",
    // which for an encrypted file means garbage. The resolver must be asked instead.
    const base = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n') + '\n';
    await change(alice, { 'entries/shared.age': base });
    await sync(alice);
    const bob = await team.member('bob');
    const carol = await team.member('carol');
    bob.lastSynced = alice.lastSynced;
    const fromAlice = base.replace('line 0', 'alice 0');
    const fromBob = base.replace('line 9', 'bob 9');
    await change(alice, { 'entries/shared.age': fromAlice });
    await change(bob, { 'entries/shared.age': fromBob, 'entries/only-bob.age': 'b\n' });
    await sync(alice);

    const resolver = recordingResolver(() => 'merged by the vault layer\n');
    const report = await sync(bob, resolver.resolve);

    expect(resolver.calls).toEqual([{ path: 'entries/shared.age', ours: fromBob, theirs: fromAlice }]);
    expect(report).toMatchObject({ state: 'synced', resolved: ['entries/shared.age'], behind: 1 });
    expect(report.pathsChanged).toEqual(['entries/shared.age']);
    expect(report.timings.resolverMs).toBeGreaterThanOrEqual(0);
    await sync(carol);
    await sync(alice);
    for (const member of [alice, bob, carol]) {
      expect(await readEntry(member, 'entries/shared.age')).toBe('merged by the vault layer\n');
      expect(await readEntry(member, 'entries/only-bob.age')).toBe('b\n');
      expect(await conflictMarkersIn(member.repo.dir)).toBe('');
      expect(await git(member.repo.dir, ['status', '--porcelain'])).toBe('');
    }
  });

  it('shows the resolver a delete on one side as null against the other side’s edit', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/e.age': 'v1\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(alice, { 'entries/e.age': 'v2 by alice\n' });
    await change(bob, { 'entries/e.age': null });
    await sync(alice);

    const keepEdit = recordingResolver((call) => call.ours ?? call.theirs);
    const report = await sync(bob, keepEdit.resolve);

    expect(keepEdit.calls).toEqual([{ path: 'entries/e.age', ours: null, theirs: 'v2 by alice\n' }]);
    expect(report.state).toBe('synced');
    expect(await readEntry(bob, 'entries/e.age')).toBe('v2 by alice\n');
    await sync(alice);
    expect(await readEntry(alice, 'entries/e.age')).toBe('v2 by alice\n');
  });

  it('deletes the file when the resolver returns null, and aborts cleanly when it throws', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/x.age': 'x1\n', 'entries/y.age': 'y1\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(alice, { 'entries/x.age': 'x2 alice\n' });
    const bobCommit = await change(bob, { 'entries/x.age': 'x2 bob\n' });
    await sync(alice);

    const failing = await bob.repo.sync({
      lastSyncedRemote: bob.lastSynced,
      resolve: async () => {
        throw new Error('cannot decrypt');
      },
    });
    expect(failing).toMatchObject({ state: 'failed', ahead: 1, problem: { code: 'CONFLICT_UNRESOLVED' } });
    expect(failing.problem?.message).toContain('entries/x.age');
    expect(await bob.repo.head()).toBe(bobCommit); // the rebase was aborted: bob's commit as it was
    expect(await readEntry(bob, 'entries/x.age')).toBe('x2 bob\n');
    expect(await git(bob.repo.dir, ['status', '--porcelain'])).toBe('');

    const deleting = recordingResolver(() => null);
    const report = await sync(bob, deleting.resolve);
    expect(report.state).toBe('synced');
    expect(await readEntry(bob, 'entries/x.age')).toBeNull();
    await sync(alice);
    expect(await readEntry(alice, 'entries/x.age')).toBeNull();
    expect(await readEntry(alice, 'entries/y.age')).toBe('y1\n');
  });

  it('drops a local commit the resolver settled entirely in the teammate’s favour', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/s.age': 's0\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(alice, { 'entries/s.age': 's1 alice\n' });
    await sync(alice);
    await change(bob, { 'entries/s.age': 's1 bob\n' });

    const theirs = recordingResolver((call) => call.theirs);
    const report = await sync(bob, theirs.resolve);

    expect(report).toMatchObject({ state: 'synced', ahead: 0, pushAttempts: 0, remoteHead: alice.lastSynced });
    expect(await bob.repo.head()).toBe(alice.lastSynced); // no empty commit left behind, nothing pushed
    expect(await readEntry(bob, 'entries/s.age')).toBe('s1 alice\n');
  });

  it('shares a folder that already holds files into a repository with a history of its own', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'README.md': 'team repo\n', 'vault/a.age': 'remote a\n' });
    await sync(alice);
    const folder = join(team.root(), 'existing-vault');
    await mkdir(join(folder, 'vault'), { recursive: true });
    await writeFile(join(folder, 'vault', 'b.age'), 'local b\n');
    await writeFile(join(folder, 'vault', 'a.age'), 'local a\n');
    const dave: Member = {
      name: 'dave',
      repo: await TeamRepo.init(team.remote(), folder, { identity: identity('dave') }),
      lastSynced: null,
    };
    expect(await dave.repo.commitAll(['vault/a.age', 'vault/b.age'], 'keyhaven: vault shared')).not.toBeNull();

    const resolver = recordingResolver((call) => `${call.theirs}${call.ours}`);
    const report = await sync(dave, resolver.resolve);

    expect(resolver.calls).toEqual([{ path: 'vault/a.age', ours: 'local a\n', theirs: 'remote a\n' }]);
    expect(report).toMatchObject({ state: 'synced', behind: 1, ahead: 0 });
    await sync(alice);
    expect(await readEntry(alice, 'vault/b.age')).toBe('local b\n');
    expect(await readEntry(alice, 'vault/a.age')).toBe('remote a\nlocal a\n');
    expect(await readEntry(dave, 'README.md')).toBe('team repo\n');
  });

  it('starts over cleanly after a sync that was interrupted in the middle of a rebase', async () => {
    const alice = await team.member('alice');
    await change(alice, { 'entries/s.age': 's0\n' });
    await sync(alice);
    const bob = await team.member('bob');
    bob.lastSynced = alice.lastSynced;
    await change(alice, { 'entries/s.age': 's1 alice\n' });
    await sync(alice);
    const mine = await change(bob, { 'entries/s.age': 's1 bob\n' });
    // What a killed app leaves behind: a rebase stopped on a conflict, the teammate's version on disk.
    await git(bob.repo.dir, ['fetch', '-q', 'origin']);
    await git(bob.repo.dir, ['-c', 'user.name=bob', '-c', 'user.email=bob@team.test', 'rebase', 'origin/main']).catch(
      () => undefined,
    );
    expect(existsSync(join(bob.repo.dir, '.git', 'rebase-merge'))).toBe(true);
    expect(await readEntry(bob, 'entries/s.age')).toBe('s1 alice\n');

    const resolver = recordingResolver((call) => call.ours);
    const report = await sync(bob, resolver.resolve);

    expect(report.state).toBe('synced');
    expect(resolver.calls).toEqual([{ path: 'entries/s.age', ours: 's1 bob\n', theirs: 's1 alice\n' }]);
    expect(await readEntry(bob, 'entries/s.age')).toBe('s1 bob\n');
    expect(await git(bob.repo.dir, ['log', '-1', '--format=%s'])).toBe(
      await git(bob.repo.dir, ['log', '-1', '--format=%s', mine ?? '']),
    );
    expect(await conflictMarkersIn(bob.repo.dir)).toBe('');
  });

  it('commits nothing when nothing changed, and keeps bytes exactly as written', async () => {
    const alice = await team.member('alice');
    const bytes = 'armored\r\nline\r\n\u0000binary';
    await change(alice, { 'entries/crlf.age': bytes });
    await sync(alice);
    expect(await alice.repo.commitAll(['entries/crlf.age'], 'keyhaven: 1 entries changed')).toBeNull();
    const bob = await team.member('bob');
    expect(await readEntry(bob, 'entries/crlf.age')).toBe(bytes);
  });
});
