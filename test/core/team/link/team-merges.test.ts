import { describe, expect, it } from 'vitest';
import { entryNamed, secretOf, sharedPair, synced, type TeamMember, useTeam } from './team-link-fixture';

/**
 * Two members change the same team vault before either syncs: the git conflict never reaches them;
 * the entry merge decides, and nothing is lost (issue 15, item 4).
 */
// Real git processes and three cores: seconds each on a busy 2-CPU runner.
describe('team vaults: concurrent changes merge without losing anything', { timeout: 60_000 }, () => {
  const team = useTeam();

  const setSecret = (member: TeamMember, vaultId: string, name: string, secret: string) =>
    member.core.vaults.entries.updateEntry({ entryId: entryNamed(member.core, vaultId, name).id, secret });

  it('two new keys for one entry: the newer wins, the other is kept in its history with who and when', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team, {
      secrets: { Stripe: 'sk_original' },
      bobAheadMs: 120_000,
    });
    alice.clock.set('2026-12-02T10:00:00.000Z');
    bob.clock.set('2026-12-02T10:05:00.000Z'); // Bob's change is the newer one
    await setSecret(alice, aliceVault, 'Stripe', 'sk_from_alice');
    await setSecret(bob, bobVault, 'Stripe', 'sk_from_bob');

    await synced(alice);
    const bobs = await synced(bob); // conflicts on entries/<id>.age: merged, no markers
    expect(bobs.notices).toEqual([expect.objectContaining({ kind: 'newer-kept', name: 'Stripe', fields: ['secret'] })]);
    await synced(alice);

    for (const [member, vaultId] of [
      [alice, aliceVault],
      [bob, bobVault],
    ] as const) {
      expect(secretOf(member.core, vaultId, 'Stripe')).toBe('sk_from_bob');
      const entry = entryNamed(member.core, vaultId, 'Stripe');
      const kept = entry.history.map((item) => member.core.vaults.entries.reveal(entry.id, item.version).secret);
      expect(kept.sort()).toEqual(['sk_from_alice', 'sk_original']);
      const aliceItem = entry.history.find(
        (item) => member.core.vaults.entries.reveal(entry.id, item.version).secret === 'sk_from_alice',
      );
      expect(aliceItem?.replacedAt).toBe('2026-12-02T10:00:00.000Z');
      expect(aliceItem?.by).toBe(entryNamed(alice.core, aliceVault, 'Stripe').history.find((i) => i.by)?.by);
    }
  });

  it('changes to different fields of one entry are both kept', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team, {
      secrets: { Stripe: 'sk_original' },
      bobAheadMs: 120_000,
    });
    alice.clock.set('2026-12-02T10:00:00.000Z');
    bob.clock.set('2026-12-02T09:00:00.000Z');
    await alice.core.vaults.entries.updateEntry({
      entryId: entryNamed(alice.core, aliceVault, 'Stripe').id,
      tags: ['payments', 'prod'],
    });
    await setSecret(bob, bobVault, 'Stripe', 'sk_rotated_by_bob');

    await synced(alice);
    expect((await synced(bob)).notices).toEqual([]);
    await synced(alice);
    for (const [member, vaultId] of [
      [alice, aliceVault],
      [bob, bobVault],
    ] as const) {
      expect(entryNamed(member.core, vaultId, 'Stripe').tags).toEqual(['payments', 'prod']);
      expect(secretOf(member.core, vaultId, 'Stripe')).toBe('sk_rotated_by_bob');
    }
  });

  it('an edit beats a concurrent delete, with a notice', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team, {
      secrets: { Stripe: 'sk_original', Other: 'o' },
      bobAheadMs: 120_000,
    });
    await alice.core.vaults.entries.deleteEntry(entryNamed(alice.core, aliceVault, 'Stripe').id);
    await setSecret(bob, bobVault, 'Stripe', 'sk_still_used');

    await synced(alice);
    const bobs = await synced(bob);
    expect(bobs.notices).toEqual([expect.objectContaining({ kind: 'edit-kept-over-delete', name: 'Stripe' })]);
    const alices = await synced(alice);
    expect(alices.received).toBe(1);
    expect(secretOf(alice.core, aliceVault, 'Stripe')).toBe('sk_still_used');
    expect(secretOf(bob.core, bobVault, 'Stripe')).toBe('sk_still_used');
  });

  it('a delete of an entry the teammate did not touch goes through on both sides', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team, {
      secrets: { Stripe: 's', Other: 'o' },
      bobAheadMs: 120_000,
    });
    await alice.core.vaults.entries.deleteEntry(entryNamed(alice.core, aliceVault, 'Stripe').id);
    await setSecret(bob, bobVault, 'Other', 'o2');
    await synced(alice);
    expect((await synced(bob)).deleted).toBe(1);
    await synced(alice);
    expect(alice.core.vaults.entries.listEntries(aliceVault).map((e) => e.name)).toEqual(['Other']);
    expect(bob.core.vaults.entries.listEntries(bobVault).map((e) => e.name)).toEqual(['Other']);
    expect(secretOf(alice.core, aliceVault, 'Other')).toBe('o2');
  });
});
