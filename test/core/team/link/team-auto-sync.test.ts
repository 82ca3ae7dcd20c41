import { describe, expect, it } from 'vitest';
import { rotateExposedIssuedKeys } from '../../../../electron/core/team/link/rotate-exposed';
import { generateInput } from '../../../support/generate-input';
import { entryNamed, secretOf, sharedPair, synced, useTeam } from './team-link-fixture';

// Real git processes and two cores: seconds each on a busy 2-CPU runner.
describe('team vaults: background sync, a locked key, rotating what a removed member saw', { timeout: 60_000 }, () => {
  const team = useTeam();

  it('a change here is sent by the app’s own timer, without a Sync', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team, { secrets: { Stripe: 'sk_one' } });
    const before = bob.core.vaults.vaults.summary(bobVault).team?.lastSync?.at;
    await bob.core.vaults.entries.updateEntry({
      entryId: entryNamed(bob.core, bobVault, 'Stripe').id,
      secret: 'sk_sent_in_background',
    });
    await bob.platform.runTimers();
    await expect
      .poll(() => bob.core.vaults.vaults.summary(bobVault).team?.lastSync?.at, { timeout: 30_000 })
      .not.toBe(before);
    expect(bob.core.vaults.vaults.summary(bobVault).team?.lastSync?.state).toBe('synced');

    expect((await synced(alice)).received).toBe(1);
    expect(secretOf(alice.core, aliceVault, 'Stripe')).toBe('sk_sent_in_background');
  });

  it('one action rotates every issued key a removed member could read; the team gets the new keys', async () => {
    const { alice, bob, aliceVault, bobVault } = await sharedPair(team, { secrets: { Stripe: 'sk_one' } });
    const app = await alice.core.apps.create({ name: 'Billing API' });
    const issued = await alice.core.issuing.generate(generateInput(app.id, { name: 'Billing prod' }));
    await alice.core.issuing.saveInVault(issued.key.id, aliceVault);
    const carol = await team.member('Carol');
    await alice.core.teams.addMember(aliceVault, carol.line);
    const removal = await alice.core.teams.removeMember(aliceVault, 'Carol');
    expect(removal.exposed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Stripe', issued: false }),
        expect.objectContaining({ issued: true }),
      ]),
    );

    const rotation = await rotateExposedIssuedKeys(
      alice.core.vaults,
      (id, grace) => alice.core.issuing.rotate(id, grace),
      aliceVault,
      '1h',
    );
    expect(rotation.failed).toEqual([]);
    expect(rotation.rotated).toHaveLength(1);
    const entry = alice.core.vaults.entries.get(rotation.rotated[0]?.entryId ?? '');
    expect(entry.secretVersion).toBe(2);
    expect(entry.rotateAdvice?.version).toBe(1); // the mark no longer holds: version 2 is current
    const newKey = alice.core.vaults.entries.reveal(entry.id).secret;
    expect(newKey).not.toBe(issued.plaintext);
    // Stripe is not Keyhaven's to rotate: it stays marked.
    expect(entryNamed(alice.core, aliceVault, 'Stripe').rotateAdvice?.removed).toEqual(['Carol']);

    await synced(alice);
    await synced(bob);
    expect(bob.core.vaults.entries.reveal(entry.id).secret).toBe(newKey);
    expect(bobVault).toBeDefined();
  });

  it('with a Keyhaven passphrase not entered, a sync reports locked and changes nothing', async () => {
    const { bob, bobVault } = await sharedPair(team, { secrets: { Stripe: 'sk_one' } });
    await bob.core.vaults.passphrase.set({ passphrase: 'correct horse battery staple' });
    bob.core.vaults.vaults.lockAll();
    const result = await bob.core.teams.sync(bobVault);
    expect(result.state).toBe('locked');
    expect(result.message).toMatch(/Unlock/);
    expect(bob.core.vaults.vaults.summary(bobVault).team?.lastSync?.state).toBe('locked');
  });
});
