import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptWith } from '../../../../electron/core/team/team-age';
import { workingCopyOf } from '../../../../electron/core/team/link/team-paths';
import { loadTeamIdentity } from '../../../../electron/core/team/team-identity';
import { entryNamed, secretOf, synced, useTeam, vaultWith } from './team-link-fixture';

// Real git processes and three cores: seconds each on a busy 2-CPU runner.
describe('team vaults: removing a member and read-only members (three members, real git)', { timeout: 60_000 }, () => {
  const team = useTeam();

  async function threeMembers(options: { carolReadOnly?: boolean } = {}) {
    const alice = await team.member('Alice');
    const bob = await team.member('Bob');
    const carol = await team.member('Carol');
    const aliceVault = await vaultWith(alice.core, 'Shared', { Stripe: 'sk_seen_by_all', GitHub: 'ghp_seen' });
    await alice.core.teams.share(aliceVault, team.remote());
    await alice.core.teams.addMember(aliceVault, bob.line);
    await alice.core.teams.addMember(aliceVault, carol.line, { readOnly: options.carolReadOnly === true });
    const bobVault = (await bob.core.teams.join(team.remote(), 'Shared')).vaultId;
    const carolVault = (await carol.core.teams.join(team.remote(), 'Shared')).vaultId;
    for (const member of [alice, bob, carol]) member.clock.advance(60_000);
    return { alice, bob, carol, aliceVault, bobVault, carolVault };
  }

  it('a removed member cannot read what is written after, and every entry they saw is marked to rotate', async () => {
    const { alice, bob, carol, aliceVault, bobVault, carolVault } = await threeMembers();
    const removal = await alice.core.teams.removeMember(aliceVault, 'Carol');
    expect(removal.removed).toBe('Carol');
    expect(removal.exposed.map((entry) => entry.name).sort()).toEqual(['GitHub', 'Stripe']);
    expect(removal.status.members.map((m) => m.name).sort()).toEqual(['Alice', 'Bob']);
    expect(removal.status.former.map((m) => m.name)).toEqual(['Carol']);
    expect(entryNamed(alice.core, aliceVault, 'Stripe').rotateAdvice).toMatchObject({ removed: ['Carol'], version: 1 });

    // Bob takes the new key in; his copy is marked as well.
    await synced(bob);
    expect(entryNamed(bob.core, bobVault, 'GitHub').rotateAdvice?.removed).toEqual(['Carol']);

    // Alice writes a new key after the removal.
    await alice.core.vaults.entries.addEntry({ vaultId: aliceVault, name: 'After', secret: 'sk_after_removal' });
    await synced(alice);

    // Carol's next sync says she was removed and takes nothing in; what she had stays hers.
    const carols = await carol.core.teams.sync(carolVault);
    expect(carols.state).toBe('removed');
    expect(carol.core.vaults.entries.listEntries(carolVault).map((e) => e.name)).not.toContain('After');

    // Even with the files and her own age identity, the new entry does not open for her.
    const carolIdentity = await loadTeamIdentity(carol.keychain, carol.core.db.snapshot().installationId);
    const copy = workingCopyOf(carol.dataDir, carolVault);
    const files = await readdir(join(copy, 'entries'));
    expect(files.length).toBe(3);
    for (const file of files) {
      expect(
        await decryptWith(carolIdentity?.ageIdentity ?? '', await readFile(join(copy, 'entries', file), 'utf8')),
      ).toBeNull();
    }
    expect((await readdir(join(copy, 'keys'))).length).toBe(2);

    // Rotating the key clears the mark.
    await bob.core.vaults.vaults.unlock(bobVault);
    bob.clock.advance(60_000);
    await bob.core.vaults.entries.updateEntry({
      entryId: entryNamed(bob.core, bobVault, 'Stripe').id,
      secret: 'sk_new',
    });
    await synced(bob);
    await synced(alice);
    expect(secretOf(alice.core, aliceVault, 'Stripe')).toBe('sk_new');
    const stripe = entryNamed(alice.core, aliceVault, 'Stripe');
    expect(stripe.rotateAdvice?.version === stripe.secretVersion).toBe(false);
  });

  it('a read-only member reads everything; what they write is refused by the others', async () => {
    const { alice, carol, aliceVault, carolVault } = await threeMembers({ carolReadOnly: true });
    const status = await carol.core.teams.status(carolVault);
    expect(status.readOnly).toBe(true);
    await carol.core.vaults.vaults.unlock(carolVault);
    expect(secretOf(carol.core, carolVault, 'Stripe')).toBe('sk_seen_by_all');
    // Her own copy refuses changes, rather than letting the next sync silently put the team's back.
    const stripeId = entryNamed(carol.core, carolVault, 'Stripe').id;
    await expect(carol.core.vaults.entries.updateEntry({ entryId: stripeId, secret: 'sk_x' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/read-only member/),
    });
    await expect(carol.core.vaults.entries.deleteEntry(stripeId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      carol.core.vaults.entries.addEntry({ vaultId: carolVault, name: 'Mine', secret: 'sk_mine' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // Her own sync never sends (read-only), so she forges a file with her real keys and pushes it by git.
    const { forgeEntryAs } = await import('./team-forgery');
    await forgeEntryAs(carol, carolVault, entryNamed(carol.core, carolVault, 'Stripe').id, 'sk_carol_forged');

    const alices = await synced(alice);
    expect(alices.refused).toEqual([expect.stringMatching(/^entries\/.+\.age$/)]);
    expect(secretOf(alice.core, aliceVault, 'Stripe')).toBe('sk_seen_by_all');
  });
});
