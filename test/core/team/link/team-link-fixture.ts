import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Core } from '../../../../electron/core/core';
import { runGit } from '../../../../electron/core/team/git/git-runner';
import type { TeamSyncResult } from '../../../../electron/core/team/link/team-sync-cycle';
import type { EntryView } from '../../../../shared/domain/vault';
import { ManualClock } from '../../../support/manual-clock';
import { openTestCore, type TestCore } from '../../../support/open-test-core';

/**
 * Team vault tests with real parts: a bare git repository in a temporary folder as the team's
 * remote, and each member a real core over their own data folder, keychain and clock (so "newer" is
 * whatever the test says). Everything is removed after the test.
 */
export interface TeamMember extends TestCore {
  name: string;
  clock: ManualClock;
  /** The member's public line, to be added by a teammate. */
  line: string;
}

export function useTeam(): {
  remote: () => string;
  member: (name: string) => Promise<TeamMember>;
} {
  let root: string | undefined;
  const members: TestCore[] = [];
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'keyhaven-team-link-'));
    const init = await runGit(['init', '-q', '--bare', '--initial-branch=main', 'team.git'], { cwd: root });
    expect(init.code).toBe(0);
  });
  afterEach(async () => {
    for (const member of members.splice(0)) await member.dispose();
    if (root) await rm(root, { recursive: true, force: true });
    root = undefined;
  });
  const remote = () => join(root ?? '', 'team.git');
  return {
    remote,
    member: async (name) => {
      const clock = new ManualClock('2026-12-01T09:00:00.000Z');
      const opened = await openTestCore({ clock });
      members.push(opened);
      const identity = await opened.core.teamIdentity.create(name);
      return { ...opened, name, clock, line: identity.line };
    },
  };
}

export type Team = ReturnType<typeof useTeam>;

/**
 * The usual start: Alice shares a vault holding `secrets` and adds Bob, who joins it and unlocks his
 * copy. Then both clocks move on (Bob's further), so every later change is later than the share, as
 * real clocks would have it.
 */
export async function sharedPair(
  team: Team,
  {
    secrets = { Stripe: 'sk_one', GitHub: 'ghp_one' },
    bobAheadMs = 90_000,
  }: { secrets?: Record<string, string>; bobAheadMs?: number } = {},
) {
  const alice = await team.member('Alice');
  const bob = await team.member('Bob');
  const aliceVault = await vaultWith(alice.core, 'Shared', secrets);
  await alice.core.teams.share(aliceVault, team.remote());
  await alice.core.teams.addMember(aliceVault, bob.line);
  const bobVault = (await bob.core.teams.join(team.remote(), 'Shared')).vaultId;
  await bob.core.vaults.vaults.unlock(bobVault);
  alice.clock.advance(60_000);
  bob.clock.advance(bobAheadMs);
  return { alice, bob, aliceVault, bobVault };
}

/** A vault with one unlocked entry per `secrets` item, named by its key. */
export async function vaultWith(core: Core, name: string, secrets: Record<string, string>): Promise<string> {
  const vault = await core.vaults.vaults.createVault(name);
  for (const [entryName, secret] of Object.entries(secrets)) {
    await core.vaults.entries.addEntry({ vaultId: vault.id, name: entryName, secret });
  }
  return vault.id;
}

export function entryNamed(core: Core, vaultId: string, name: string): EntryView {
  const found = core.vaults.entries.listEntries(vaultId).find((entry) => entry.name === name);
  if (!found) throw new Error(`no entry named ${name}`);
  return found;
}

export const secretOf = (core: Core, vaultId: string, name: string): string =>
  core.vaults.entries.reveal(entryNamed(core, vaultId, name).id).secret;

/** The one team vault a member has joined or shared. */
export function teamVaultOf(member: TeamMember): string {
  const [id] = member.core.teams.teamVaultIds();
  if (id === undefined) throw new Error(`${member.name} has no team vault`);
  return id;
}

export async function synced(member: TeamMember): Promise<TeamSyncResult> {
  const result = await member.core.teams.sync(teamVaultOf(member));
  expect(result, result.message).toMatchObject({ state: 'synced' });
  return result;
}
