import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGit } from '../../../../electron/core/team/git/git-runner';
import { entryNamed, secretOf, sharedPair, synced, useTeam } from './team-link-fixture';

// Real git processes and three cores: seconds each on a busy 2-CPU runner.
describe(
  'team vaults: offline, a rewritten history, tampered files, a change replayed onto a rotation',
  { timeout: 60_000 },
  () => {
    const team = useTeam();

    /** A plain git clone of the remote, to do what another program (or a hostile host) would. */
    async function rawClone(name: string): Promise<string> {
      const dir = join(team.remote(), '..', name);
      expect((await runGit(['clone', '-q', team.remote(), dir], { cwd: join(team.remote(), '..') })).code).toBe(0);
      return dir;
    }

    const git = async (dir: string, ...args: string[]) => {
      const result = await runGit(['-c', 'user.name=x', '-c', 'user.email=x@x', ...args], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
    };

    it('offline, changes wait committed and go out at the next sync', async () => {
      const { alice, bob, aliceVault, bobVault } = await sharedPair(team);
      await alice.core.vaults.entries.addEntry({ vaultId: aliceVault, name: 'Offline', secret: 'sk_written_offline' });
      await rename(team.remote(), `${team.remote()}.away`);
      const offline = await alice.core.teams.sync(aliceVault);
      expect(offline).toMatchObject({ state: 'offline', ahead: 1, sent: 1 });
      expect((await alice.core.teams.status(aliceVault)).lastSync).toMatchObject({ state: 'offline', ahead: 1 });

      await rename(`${team.remote()}.away`, team.remote());
      expect((await synced(alice)).ahead).toBe(0);
      await synced(bob);
      expect(secretOf(bob.core, bobVault, 'Offline')).toBe('sk_written_offline');
    });

    it('a force-pushed history stops the sync and changes nothing here', async () => {
      const { alice, aliceVault } = await sharedPair(team);
      const raw = await rawClone('rewriter');
      await git(raw, 'reset', '-q', '--hard', 'HEAD~1');
      await git(raw, 'push', '-q', '--force', 'origin', 'HEAD:main');
      await alice.core.vaults.entries.addEntry({ vaultId: aliceVault, name: 'Mine', secret: 'sk_mine' });

      const result = await alice.core.teams.sync(aliceVault);
      expect(result.state).toBe('history-rewritten');
      expect(result.message).toMatch(/rewritten/);
      expect(
        alice.core.vaults.entries
          .listEntries(aliceVault)
          .map((e) => e.name)
          .sort(),
      ).toEqual(['GitHub', 'Mine', 'Stripe']);
    });

    it('a tampered entry file is refused by name and the rest still syncs', async () => {
      const { alice, bob, bobVault, aliceVault } = await sharedPair(team);
      const raw = await rawClone('tamperer');
      const id = entryNamed(alice.core, aliceVault, 'Stripe').id;
      const file = join(raw, 'entries', `${id}.age`);
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[3] = `${lines[3]?.slice(0, -4)}AAAA`; // a few bytes of the armored body changed
      await writeFile(file, lines.join('\n'));
      await git(raw, 'commit', '-q', '-am', 'edit');
      await git(raw, 'push', '-q', 'origin', 'HEAD:main');

      const bobs = await synced(bob);
      expect(bobs.refused).toEqual([`entries/${id}.age`]);
      // The vault list keeps saying so until a sync finds nothing to refuse.
      expect(bob.core.vaults.vaults.summary(bobVault).team?.lastSync?.refused).toEqual([`entries/${id}.age`]);
      await synced(bob);
      expect(bob.core.vaults.vaults.summary(bobVault).team?.lastSync?.refused).toEqual([`entries/${id}.age`]);
      expect(secretOf(bob.core, bobVault, 'Stripe')).toBe('sk_one');
    });

    it('a change made before a teammate’s rotation is re-encrypted to the new key', async () => {
      const { alice, bob, aliceVault, bobVault } = await sharedPair(team);
      const carol = await team.member('Carol');
      await alice.core.teams.addMember(aliceVault, carol.line);
      await synced(bob);
      bob.clock.advance(60_000);
      await bob.core.vaults.entries.updateEntry({
        entryId: entryNamed(bob.core, bobVault, 'GitHub').id,
        secret: 'ghp_bob',
      });
      await bob.core.vaults.entries.addEntry({ vaultId: bobVault, name: 'New by Bob', secret: 'sk_new_by_bob' });
      await alice.core.teams.removeMember(aliceVault, 'Carol'); // a new vault key, before Bob syncs

      await synced(bob); // his change is replayed onto the rotation, then written again under the new key
      await synced(alice);
      expect(secretOf(alice.core, aliceVault, 'GitHub')).toBe('ghp_bob'); // merged in the conflict
      expect(secretOf(alice.core, aliceVault, 'New by Bob')).toBe('sk_new_by_bob'); // no conflict: re-encrypted
      const copy = join(alice.dataDir, 'teams', aliceVault, 'entries');
      expect((await readdir(copy)).length).toBe(3);
      expect((await alice.core.teams.sync(aliceVault)).refused).toEqual([]);
    });
  },
);
