import { parseMemberLine, type TeamEntry, type TeamMember } from '../../../../shared/domain/team';
import type { TeamVaultStatus } from '../../../../shared/domain/team-link';
import { CoreError } from '../../errors';
import { addTeamMember, openTeamVault, removeTeamMember } from '../team-vault';
import { keyFileOf, MEMBERS_FILE } from '../team-format';
import type { TeamSyncResult } from './team-sync-cycle';
import { teamEvent } from './team-activity';
import { linkOf } from './team-sync-cycle';
import type { TeamContext } from './team-context';

/**
 * Adding and removing members of a team vault (issue 15, item 5). Each is one commit made on top of
 * the team's latest state: the vault syncs first and the change is refused while the repository
 * cannot be reached, because a member list changed on two machines at once cannot be merged.
 */
export interface RemovalResult {
  status: TeamVaultStatus;
  removed: string;
  /** Entries the removed member could read: each is marked "seen by a removed member — rotate". */
  exposed: { id: string; name: string; issued: boolean }[];
}

export async function addMember(
  teams: TeamContext,
  vaultId: string,
  line: string,
  options: { readOnly: boolean },
): Promise<TeamVaultStatus> {
  let member;
  try {
    member = parseMemberLine(line);
  } catch (error) {
    throw new CoreError('INVALID_INPUT', (error as Error).message, { field: 'line' });
  }
  const me = await teams.deps.identity();
  return teams.serial(vaultId, async () => {
    const repo = await teams.repoOf(vaultId, me);
    await syncedFirst(await teams.syncNow(me, repo, vaultId), 'add a member');
    const link = linkOf(teams.deps.vaults(), vaultId);
    const team = await openTeamVault(repo.dir, me, { teamId: link.teamId, head: link.pin });
    const added = await addTeamMember(team, member, options, teams.deps.clock.now());
    const fingerprint = [...added.members].find(([, m]) => m.signingKey === member.signingKey)?.[0] ?? '';
    await repo.commitAll([MEMBERS_FILE, keyFileOf(fingerprint)], `keyhaven: member added`);
    await teams.deps.record([
      teamEvent(
        'team.memberAdded',
        vaultId,
        `"${member.name}" added to team vault "${teams.vaultName(vaultId)}"${options.readOnly ? ' (read only)' : ''}`,
      ),
    ]);
    await teams.syncNow(me, repo, vaultId);
    return teams.statusOf(vaultId, me);
  });
}

export async function removeMember(teams: TeamContext, vaultId: string, who: string): Promise<RemovalResult> {
  const me = await teams.deps.identity();
  return teams.serial(vaultId, async () => {
    const repo = await teams.repoOf(vaultId, me);
    await syncedFirst(await teams.syncNow(me, repo, vaultId), 'remove a member');
    const link = linkOf(teams.deps.vaults(), vaultId);
    const team = await openTeamVault(repo.dir, me, { teamId: link.teamId, head: link.pin });
    const fingerprint = findMember(team.members, who);
    const now = teams.deps.clock.now();
    const removedName = team.members.get(fingerprint)?.name ?? who;
    const advice = new Map<string, NonNullable<TeamEntry['rotateAdvice']>>();
    const result = await repo.stageWhileWriting((staged) =>
      removeTeamMember(team, fingerprint, now, {
        reviseEntry: (entry) => {
          const revised = advised(entry, removedName, now);
          if (revised.rotateAdvice) advice.set(entry.id, revised.rotateAdvice);
          return revised;
        },
        written: staged,
      }),
    );
    await repo.commitAll(['.'], 'keyhaven: member removed, vault key rotated');
    // The local entries take the same mark at once: reading back the 1,000 files just written would
    // cost seconds and say nothing new (their contents are otherwise what this member already has).
    await markLocally(teams, vaultId, advice);
    await teams.deps.record([
      teamEvent(
        'team.memberRemoved',
        vaultId,
        `"${removedName}" removed from team vault "${teams.vaultName(vaultId)}": a new vault key, ${advice.size} ${advice.size === 1 ? 'key' : 'keys'} to rotate`,
      ),
    ]);
    await teams.syncNow(me, repo, vaultId);
    const entries = new Map(
      teams.deps
        .vaults()
        .db.snapshot()
        .entries.filter((entry) => entry.vaultId === vaultId)
        .map((entry) => [entry.id, entry]),
    );
    const exposed = result.exposedEntryIds.flatMap((id) => {
      const entry = entries.get(id);
      return entry ? [{ id, name: entry.name, issued: entry.kind === 'issued' && entry.issuedKeyId !== null }] : [];
    });
    return { status: await teams.statusOf(vaultId, me), removed: removedName, exposed };
  });
}

async function markLocally(
  teams: TeamContext,
  vaultId: string,
  advice: ReadonlyMap<string, NonNullable<TeamEntry['rotateAdvice']>>,
): Promise<void> {
  await teams.deps.vaults().db.commit((data) => {
    const ops = data.entries
      .filter((entry) => entry.vaultId === vaultId && advice.has(entry.id))
      .map((entry) => ({ type: 'entry.patch' as const, id: entry.id, patch: { rotateAdvice: advice.get(entry.id) } }));
    return { ops, result: undefined };
  });
}

function advised(entry: TeamEntry, removed: string, now: Date): TeamEntry {
  const pending = entry.rotateAdvice?.version === entry.version ? entry.rotateAdvice : undefined;
  const names = [...(pending?.removed ?? []), removed].slice(-100);
  return { ...entry, rotateAdvice: { removed: names, at: pending?.at ?? now.toISOString(), version: entry.version } };
}

async function syncedFirst(result: TeamSyncResult, what: string): Promise<void> {
  if (result.state === 'synced') return;
  throw new CoreError(
    'CONFLICT',
    `Keyhaven cannot ${what} until this vault is in sync with its team (${result.message ?? result.state}).`,
  );
}

/** A member by fingerprint (spaces allowed, as shown) or by their exact name when only one has it. */
export function findMember(members: ReadonlyMap<string, TeamMember>, who: string): string {
  const compact = who.replace(/\s+/g, '').toLowerCase();
  if (members.has(compact)) return compact;
  const named = [...members].filter(([, member]) => member.name === who.trim());
  if (named.length === 1 && named[0]) return named[0][0];
  if (named.length > 1) {
    throw new CoreError('CONFLICT', `Two members are named "${who.trim()}": name the one to remove by fingerprint.`);
  }
  throw new CoreError('NOT_FOUND', `No member of this team vault is named or has the fingerprint "${who.trim()}".`);
}
