import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { expect, onTestFinished } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { runGit } from '../../../electron/core/team/git/git-runner';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

/**
 * Team vaults in renderer tests, all real: a bare git repository in a temporary folder is the team's
 * remote, and a teammate is a second real core over their own data folder and keychain, in this
 * process (the app under test is the first). Everything is removed after the test.
 */
export async function bareRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'keyhaven-team-ui-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const init = await runGit(['init', '-q', '--bare', '--initial-branch=main', 'team.git'], { cwd: root });
  expect(init.code).toBe(0);
  return join(root, 'team.git');
}

export interface Teammate extends TestCore {
  clock: ManualClock;
  line: string;
}

/** A teammate with an identity named `name`; their clock runs an hour ahead, so their changes are the newer. */
export async function teammate(name: string): Promise<Teammate> {
  const clock = new ManualClock(new Date(Date.now() + 3_600_000));
  const opened = await openTestCore({ clock });
  onTestFinished(() => opened.dispose());
  const identity = await opened.core.teamIdentity.create(name);
  return { ...opened, clock, line: identity.line };
}

export function entryId(core: Core, vaultId: string, name: string): string {
  const found = core.vaults.entries.listEntries(vaultId).find((entry) => entry.name === name);
  if (!found) throw new Error(`no entry named ${name}`);
  return found.id;
}

/** A teammate's one team vault. */
export function teamVaultOf(member: { core: Core }): string {
  const [id] = member.core.teams.teamVaultIds();
  if (id === undefined) throw new Error('no team vault');
  return id;
}

/** git runs: seconds on a busy machine. */
export const GIT_WAIT = { timeout: 30_000 };

export const teamBar = (vaultName: string) => screen.getByRole('region', { name: `Team of ${vaultName}` });
export const teamStatus = (vaultName: string) => within(teamBar(vaultName)).getByRole('status');
