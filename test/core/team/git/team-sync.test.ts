import { describe, expect, it } from 'vitest';
import {
  change,
  conflictMarkersIn,
  git,
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
