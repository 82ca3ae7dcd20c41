import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../../electron/core/core';
import { runGit } from '../../../../electron/core/team/git/git-runner';
import { withTeamLock, workingCopyOf } from '../../../../electron/core/team/link/team-paths';
import { MemoryPlatform } from '../../../support/memory-platform';
import { entryNamed, secretOf, sharedPair, synced, teamVaultOf, useTeam } from './team-link-fixture';

/**
 * Entry files are rewritten in place (a removal rewrites them all), so an operation the app or the
 * command line did not finish — killed half-way through a removal's re-encryption — leaves files
 * that belong to no commit. The next operation puts them back; the lock keeps two processes from
 * doing this to each other's work in progress.
 */
describe('team vaults: an operation cut short, and two processes on one data folder', { timeout: 60_000 }, () => {
  const team = useTeam();

  const gitStatus = async (dir: string) => (await runGit(['status', '--porcelain'], { cwd: dir })).stdout.toString();

  it('what a removal killed half-way left in the working copy is put back, and nothing is lost', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team);
    const dir = workingCopyOf(alice.dataDir, aliceVault);
    const stripeFile = join(dir, 'entries', `${entryNamed(alice.core, aliceVault, 'Stripe').id}.age`);
    const committed = await readFile(stripeFile, 'utf8');
    // As a kill mid-removal leaves it: a file half rewritten under a key nobody kept, a stray new file.
    await writeFile(stripeFile, committed.slice(0, 120));
    await writeFile(join(dir, 'entries', `${randomUUID()}.age`), 'half a file');
    await alice.core.vaults.entries.addEntry({ vaultId: aliceVault, name: 'After the crash', secret: 'sk_after' });

    const result = await synced(alice);

    expect(result).toMatchObject({ sent: 1, refused: [] });
    expect(await readFile(stripeFile, 'utf8')).toBe(committed);
    expect(await gitStatus(dir)).toBe('');
    expect((await readdir(join(dir, 'entries'))).length).toBe(3);
    await synced(bob);
    expect(secretOf(bob.core, bobVault, 'After the crash')).toBe('sk_after');
    expect(secretOf(bob.core, bobVault, 'Stripe')).toBe('sk_one');
  });

  it('one operation at a time per team vault, whichever process asks: the second waits for the lock', async () => {
    const alice = await team.member('Alice');
    const order: string[] = [];
    let entered = (): void => undefined;
    const firstIsIn = new Promise<void>((resolve) => (entered = resolve));
    let leave = (): void => undefined;
    const gate = new Promise<void>((resolve) => (leave = resolve));
    const first = withTeamLock(alice.dataDir, 'vault-1', async () => {
      order.push('first in');
      entered();
      await gate;
      order.push('first out');
    });
    await firstIsIn;
    const second = withTeamLock(alice.dataDir, 'vault-1', async () => {
      order.push('second');
    });
    const other = withTeamLock(alice.dataDir, 'vault-2', async () => {
      order.push('another vault');
    });
    await other; // a different vault's operation is not held up
    // Real work while the first holds the lock (a git process): the second had every chance to run.
    expect((await runGit(['--version'], { cwd: alice.dataDir })).code).toBe(0);
    leave();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'another vault', 'first out', 'second']);
  });

  it('a removal in the app and a sync from the command line at once: both complete, in turn', async () => {
    const { alice, bob, aliceVault } = await sharedPair(team);
    // The command line: a second core over Alice's data folder, as `keyhaven team sync` opens it.
    const cli = await openCore({
      dataDir: alice.dataDir,
      keychain: alice.keychain,
      platform: new MemoryPlatform(),
      version: '0.0.0-test',
    });
    try {
      await cli.vaults.vaults.unlock(aliceVault);
      await cli.vaults.entries.addEntry({ vaultId: aliceVault, name: 'From the terminal', secret: 'sk_cli' });
      const [removal, sync] = await Promise.all([
        alice.core.teams.removeMember(aliceVault, 'Bob'),
        cli.teams.sync(aliceVault),
      ]);

      expect(removal.removed).toBe('Bob');
      expect(sync.state, sync.message).toBe('synced');
      expect(await gitStatus(workingCopyOf(alice.dataDir, aliceVault))).toBe('');
      const after = await synced(alice);
      expect(after.refused).toEqual([]);
      expect((await bob.core.teams.sync(teamVaultOf(bob))).state).toBe('removed');
    } finally {
      await cli.close();
    }
  });
});
