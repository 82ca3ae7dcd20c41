import { expect } from 'vitest';
import { TeamRepo } from '../../../../electron/core/team/git/team-repo';
import { repoOptionsFor, workingCopyOf } from '../../../../electron/core/team/link/team-paths';
import { readTeamEntry, writeSignedEntry } from '../../../../electron/core/team/team-entries';
import { loadTeamIdentity } from '../../../../electron/core/team/team-identity';
import { openTeamVault } from '../../../../electron/core/team/team-vault';
import type { TeamMember } from './team-link-fixture';

/**
 * What a member could do by hand, outside Keyhaven's rules: sign an entry file with their real keys
 * (writeSignedEntry skips the writer check Keyhaven's own writes make), commit it and push it.
 */
export async function forgeEntryAs(
  member: TeamMember,
  vaultId: string,
  entryId: string,
  secret: string,
): Promise<void> {
  const me = await loadTeamIdentity(member.keychain, member.core.db.snapshot().installationId);
  if (me === null) throw new Error('no identity');
  const dir = workingCopyOf(member.dataDir, vaultId);
  const session = await openTeamVault(dir, me);
  const current = await readTeamEntry(session, entryId);
  if (current?.kind !== 'entry') throw new Error('no such entry');
  await writeSignedEntry(session, {
    ...current.entry,
    secret,
    version: current.entry.version + 1,
    updatedAt: '2026-12-03T00:00:00.000Z',
  });
  const repo = await TeamRepo.open(dir, repoOptionsFor(me));
  await repo.commitAll([`entries/${entryId}.age`], 'forged');
  const report = await repo.sync({ lastSyncedRemote: null, resolve: async () => null });
  expect(report.state).toBe('synced');
}
