import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/core';
import { entryNamed, synced, useTeam, vaultWith } from './team-link-fixture';

/** The team records of Activity, oldest first, as [type, summary]. */
const teamRecords = (core: Core) =>
  core.activity
    .list()
    .filter((record) => record.type.startsWith('team.'))
    .reverse()
    .map((record) => [record.type, record.summary]);

// Real git processes and three cores: seconds each on a busy 2-CPU runner.
describe('team vaults in Activity', { timeout: 60_000 }, () => {
  const team = useTeam();

  it('records sharing, members, and each sync that did something — merges named with who — never a key', async () => {
    const alice = await team.member('Alice');
    const bob = await team.member('Bob');
    const carol = await team.member('Carol');
    const vaultId = await vaultWith(alice.core, 'Payments', { Stripe: 'sk_activity_original' });
    await alice.core.teams.share(vaultId, team.remote());
    await alice.core.teams.addMember(vaultId, bob.line);
    await alice.core.teams.addMember(vaultId, carol.line, { readOnly: true });
    const bobVault = (await bob.core.teams.join(team.remote(), 'Payments')).vaultId;
    await bob.core.vaults.vaults.unlock(bobVault);
    alice.clock.advance(60_000);
    bob.clock.advance(120_000);

    await alice.core.vaults.entries.updateEntry({
      entryId: entryNamed(alice.core, vaultId, 'Stripe').id,
      secret: 'sk_activity_alice',
    });
    await bob.core.vaults.entries.updateEntry({
      entryId: entryNamed(bob.core, bobVault, 'Stripe').id,
      secret: 'sk_activity_bob',
    });
    await synced(bob);
    await synced(alice); // merged here: Bob's change is the newer
    await synced(alice); // nothing new: no record
    await alice.core.teams.removeMember(vaultId, 'Carol');

    expect(teamRecords(alice.core)).toEqual([
      ['team.shared', `Vault "Payments" shared with a team through ${team.remote()}`],
      ['team.synced', 'Team vault "Payments" synced: 1 sent'],
      ['team.memberAdded', '"Bob" added to team vault "Payments"'],
      ['team.memberAdded', '"Carol" added to team vault "Payments" (read only)'],
      [
        'team.synced',
        'Team vault "Payments" synced: 1 received, 1 sent; "Stripe" was changed by Bob and Alice: ' +
          "Bob's newer change was kept, the other is in its history",
      ],
      ['team.memberRemoved', '"Carol" removed from team vault "Payments": a new vault key, 1 key to rotate'],
    ]);
    expect(teamRecords(bob.core)).toEqual([
      ['team.joined', `Team vault "Payments" joined from ${team.remote()}`],
      ['team.synced', 'Team vault "Payments" synced: 1 received'],
      ['team.synced', 'Team vault "Payments" synced: 1 sent'],
    ]);
    const everything = JSON.stringify([alice.core.activity.list(), bob.core.activity.list()]);
    expect(everything).not.toMatch(/sk_activity_/);
  });
});
