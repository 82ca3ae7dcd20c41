import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workingCopyOf } from '../../../../electron/core/team/link/team-paths';
import { entryNamed, secretOf, synced, teamVaultOf, useTeam, vaultWith } from './team-link-fixture';

// Real git processes and three cores: seconds each on a busy 2-CPU runner.
describe(
  'team vaults: share, add, join and sync between members (real git, three data folders)',
  { timeout: 60_000 },
  () => {
    const team = useTeam();

    it('shares a vault, a teammate joins it and both see each other’s changes', async () => {
      const alice = await team.member('Alice');
      const bob = await team.member('Bob');
      const vaultId = await vaultWith(alice.core, 'Payments', { Stripe: 'sk_live_alice_one', Twilio: 'tw_two' });

      const shared = await alice.core.teams.share(vaultId, team.remote());
      expect(shared.members).toEqual([expect.objectContaining({ name: 'Alice', me: true, readOnly: false })]);
      expect(shared.lastSync?.state).toBe('synced');

      // Bob cannot join before he is added: the message says what to do.
      await expect(bob.core.teams.join(team.remote(), 'Team payments')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(bob.core.vaults.vaults.listVaults().map((v) => v.name)).not.toContain('Team payments');

      const added = await alice.core.teams.status(vaultId).then(() => alice.core.teams.addMember(vaultId, bob.line));
      expect(added.members.map((m) => m.name).sort()).toEqual(['Alice', 'Bob']);

      const joined = await bob.core.teams.join(team.remote(), 'Team payments');
      const bobVault = joined.vaultId;
      expect(
        bob.core.vaults.entries
          .listEntries(bobVault)
          .map((e) => e.name)
          .sort(),
      ).toEqual(['Stripe', 'Twilio']);
      await bob.core.vaults.vaults.unlock(bobVault);
      expect(secretOf(bob.core, bobVault, 'Stripe')).toBe('sk_live_alice_one');
      expect(entryNamed(bob.core, bobVault, 'Stripe').updatedBy).toMatch(/^[0-9a-f]{16}$/);

      // Bob changes a key and adds one; Alice takes both in at her next sync.
      bob.clock.advance(60_000);
      await bob.core.vaults.entries.updateEntry({
        entryId: entryNamed(bob.core, bobVault, 'Stripe').id,
        secret: 'sk_live_bob_two',
      });
      await bob.core.vaults.entries.addEntry({ vaultId: bobVault, name: 'OpenAI', secret: 'sk-bob-openai' });
      expect((await synced(bob)).sent).toBe(2);
      // Bob's copy names him as the author of his change, and Alice as who set the key it replaced.
      const bobsStripe = entryNamed(bob.core, bobVault, 'Stripe');
      const bobsFingerprint = (await bob.core.teamIdentity.view())?.fingerprint.replaceAll(' ', '');
      const alicesFingerprint = (await alice.core.teamIdentity.view())?.fingerprint.replaceAll(' ', '');
      expect(bobsStripe.updatedBy).toBe(bobsFingerprint);
      expect(bobsStripe.history.map((item) => item.by)).toEqual([alicesFingerprint]);

      const received = await synced(alice);
      expect(received).toMatchObject({ received: 2, deleted: 0, refused: [] });
      expect(secretOf(alice.core, vaultId, 'Stripe')).toBe('sk_live_bob_two');
      expect(secretOf(alice.core, vaultId, 'OpenAI')).toBe('sk-bob-openai');
      expect(alice.core.vaults.entries.reveal(entryNamed(alice.core, vaultId, 'Stripe').id, 1).secret).toBe(
        'sk_live_alice_one',
      );

      // A delete travels as a tombstone.
      await alice.core.vaults.entries.deleteEntry(entryNamed(alice.core, vaultId, 'Twilio').id);
      expect((await synced(alice)).sent).toBe(1);
      expect((await synced(bob)).deleted).toBe(1);
      expect(
        bob.core.vaults.entries
          .listEntries(bobVault)
          .map((e) => e.name)
          .sort(),
      ).toEqual(['OpenAI', 'Stripe']);
    });

    it('keeps every name and key out of the repository in clear', async () => {
      const alice = await team.member('Alice');
      const vaultId = await vaultWith(alice.core, 'Infra', { 'Datadog prod': 'dd_secret_canary_7731' });
      await alice.core.teams.share(vaultId, team.remote());

      const copy = workingCopyOf(alice.dataDir, teamVaultOf(alice));
      const files = await readdir(join(copy, 'entries'));
      expect(files).toHaveLength(1);
      for (const file of [...files.map((f) => join(copy, 'entries', f)), join(copy, 'members.json')]) {
        const text = await readFile(file, 'utf8');
        expect(text).not.toContain('dd_secret_canary_7731');
        expect(text).not.toContain('Datadog prod');
      }
      // The vaults.json link holds no secret either.
      const vaults = await readFile(join(alice.dataDir, 'vaults.json'), 'utf8');
      expect(vaults).not.toContain('dd_secret_canary_7731');
    });

    it('refuses to share into a repository that already holds files, and to join the same team twice', async () => {
      const alice = await team.member('Alice');
      const first = await vaultWith(alice.core, 'One', { A: 'key-a' });
      const second = await vaultWith(alice.core, 'Two', { B: 'key-b' });
      await alice.core.teams.share(first, team.remote());
      await expect(alice.core.teams.share(second, team.remote())).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(alice.core.teams.teamVaultIds()).toEqual([first]);
      await expect(alice.core.teams.join(team.remote(), 'Again')).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('refuses repository addresses git could read as an option or a command, before git runs', async () => {
      const alice = await team.member('Alice');
      const vaultId = await vaultWith(alice.core, 'One', { A: 'key-a' });
      for (const url of ['-oProxyCommand=touch /tmp/pwned', 'ext::sh -c touch% /tmp/pwned', 'relative/path', '']) {
        await expect(alice.core.teams.share(vaultId, url)).rejects.toMatchObject({
          code: 'INVALID_INPUT',
          field: 'url',
        });
        await expect(alice.core.teams.join(url, 'Joined')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      }
      expect(alice.core.teams.teamVaultIds()).toEqual([]);
      expect(alice.core.vaults.vaults.listVaults().map((v) => v.name)).not.toContain('Joined');
    });
  },
);
