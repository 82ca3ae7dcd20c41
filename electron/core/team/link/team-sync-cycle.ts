import { performance } from 'node:perf_hooks';
import type { TeamLink, TeamSyncState } from '../../../../shared/domain/team-link';
import type { Clock } from '../../clock';
import { CoreError } from '../../errors';
import { requireVault } from '../../vaults/vault-service';
import type { VaultOp } from '../../vaults/vault-ops';
import type { VaultFile } from '../../vaults/vault-schema';
import type { Vaults } from '../../vaults/vaults';
import type { SyncReport } from '../git/sync-report';
import type { TeamRepo } from '../git/team-repo';
import type { TeamVaultSession } from '../team-entries';
import { encodeSignedEntry, listTeamEntryIds } from '../team-entries';
import { entryFileOf, entryIdOfFile, ENTRIES_DIR, writeEntryText } from '../team-format';
import type { TeamIdentity } from '../team-identity';
import { openTeamVault, type OpenedTeamVault } from '../team-vault';
import type { MergeNotice } from './entry-merge';
import { localMark, writeLocalChanges } from './local-changes';
import { teamMergeResolver } from './merge-resolver';
import { planImport, readChangedEntries, type ReadChange } from './remote-changes';

/**
 * One sync of a team vault (issue 15, item 3): local changes into the team folder and committed;
 * git's sync (fetch, history check, rebase with the merge resolver, push); what the sync brought in
 * taken into the local vault, with the link's new state, in one vaults.json commit. Needs the vault's
 * data key: a vault nobody can open without the user (a Keyhaven passphrase not entered) reports
 * `locked` and waits for the next sync.
 */
export interface TeamSyncResult {
  vaultId: string;
  state: TeamSyncState;
  /** Local commits waiting for the remote. */
  ahead: number;
  sent: number;
  received: number;
  deleted: number;
  notices: MergeNotice[];
  /** Files that failed their checks (forged, tampered, a read-only member's): named, never taken in. */
  refused: string[];
  message?: string;
  timings: { totalMs: number; gitMs: number };
}

export interface TeamCycleDeps {
  vaults: Vaults;
  me: TeamIdentity;
  repo: TeamRepo;
  clock: Clock;
}

export async function syncTeamVault(deps: TeamCycleDeps, vaultId: string, fullImport = false): Promise<TeamSyncResult> {
  const started = performance.now();
  const { vaults, me, repo, clock } = deps;
  const link = linkOf(vaults, vaultId);
  const result: TeamSyncResult = {
    ...{ vaultId, state: 'synced' as TeamSyncState, ahead: 0, sent: 0, received: 0, deleted: 0 },
    ...{ notices: [], refused: [], timings: { totalMs: 0, gitMs: 0 } },
  };
  repo.takeGitMs();
  return vaults.vaults.withUnlocked([vaultId], async () => {
    const dataKey = vaults.vaults.keyOf(requireVault(vaults.db.snapshot(), vaultId));
    const pin = { teamId: link.teamId, head: link.pin };
    const before = await openTeamVault(repo.dir, me, pin);
    const known = { ...link.known };
    /** Entries this member's write merged with a teammate's: the local copy takes the merge back. */
    const merged = new Set<string>();
    const sent: string[] = [];
    if (!link.readOnly) {
      const entries = vaults.db.snapshot().entries.filter((entry) => entry.vaultId === vaultId);
      const local = await writeLocalChanges(before, entries, link, dataKey, clock.now());
      result.notices.push(...local.notices);
      for (const [id, mark] of local.sent) {
        if (mark === null) delete known[id];
        else if (!local.merged.has(id)) known[id] = mark;
      }
      result.sent = local.sent.size;
      sent.push(...local.sent.keys());
      if (local.paths.length > 0) await repo.commitAll(local.paths, commitMessage(local.paths.length));
      local.merged.forEach((id) => merged.add(id));
    }
    const resolve = teamMergeResolver(
      { current: () => openTeamVault(repo.dir, me, pin), previous: before },
      result.notices,
      () => clock.now(),
    );
    let report = await repo.sync({ lastSyncedRemote: link.lastSyncedRemote, resolve });
    let after: OpenedTeamVault;
    try {
      after = await openTeamVault(repo.dir, me, pin);
    } catch (error) {
      if (error instanceof CoreError && error.code === 'NOT_FOUND') {
        return finish({ ...link, lastSync: outcome('removed', 0, error.message) }, 'removed', error.message);
      }
      throw error;
    }
    // After a teammate's key rotation, what this member sent may still be under the old key: read it too.
    const rotated = after.vaultKey.recipient !== before.vaultKey.recipient;
    const ids = fullImport
      ? await listTeamEntryIds(repo.dir)
      : changedEntryIds(report, new Set([...merged, ...(rotated ? sent : [])]));
    const read = await readChangedEntries(after, before, ids);
    result.refused = read.refused;
    const stale = read.changes.filter((change) => change.underOldKey);
    if (stale.length > 0 && !link.readOnly && (await reencrypt(after, stale, repo)) && report.state === 'synced') {
      report = await repo.sync({ lastSyncedRemote: report.remoteHead, resolve });
    }
    const state: TeamSyncState = report.state;
    const message = report.problem?.message;
    const synced = state === 'synced';
    return vaults.db.commit((data) => {
      const plan = planImport(data, vaultId, read.changes, known, dataKey, link.readOnly);
      result.received = plan.received;
      result.deleted = plan.deleted;
      const nowIso = clock.now().toISOString();
      const next: TeamLink = {
        ...link,
        pin: after.head,
        known: plan.known,
        lastSyncedRemote: synced ? report.remoteHead : link.lastSyncedRemote,
        lastSyncedAt: synced ? nowIso : link.lastSyncedAt,
        lastSync: { ...outcome(state, report.ahead, message), ...refusedField(link, ids, read.refused) },
      };
      result.state = state;
      result.ahead = report.ahead;
      if (message !== undefined) result.message = message;
      stamp(report);
      const authored = authorOps(data, new Set(sent), known, plan.ops, me.fingerprint);
      return { ops: [...plan.ops, ...authored, { type: 'vault.team', id: vaultId, team: next }], result };
    });
  });

  function outcome(state: TeamSyncState, ahead: number, message?: string): NonNullable<TeamLink['lastSync']> {
    return { state, at: clock.now().toISOString(), ahead, ...(message === undefined ? {} : { message }) };
  }

  async function finish(next: TeamLink, state: TeamSyncState, message: string): Promise<TeamSyncResult> {
    await vaults.db.commit(() => ({ ops: [{ type: 'vault.team', id: vaultId, team: next }], result: undefined }));
    return { ...result, state, message, timings: { totalMs: performance.now() - started, gitMs: repo.takeGitMs() } };
  }

  function stamp(report: SyncReport): void {
    result.timings = { totalMs: performance.now() - started, gitMs: report.timings.gitMs + repo.takeGitMs() };
  }
}

export function linkOf(vaults: Vaults, vaultId: string): TeamLink {
  const link = requireVault(vaults.db.snapshot(), vaultId).team;
  if (link === undefined) throw new CoreError('NOT_FOUND', 'This vault is not shared with a team.');
  return link;
}

/**
 * The entries this sync sent as this member's change name them as their author here too (the team's
 * copies already do): `updatedBy`, and each previous key set here before the vault was shared. Skipped for an entry the
 * import already rewrote or one changed again while the sync ran (its mark moved on).
 */
function authorOps(
  data: Readonly<VaultFile>,
  sent: ReadonlySet<string>,
  known: TeamLink['known'],
  planned: readonly VaultOp[],
  me: string,
): VaultOp[] {
  const touched = new Set(planned.flatMap((op) => ('id' in op ? [op.id] : [])));
  return data.entries.flatMap((entry): VaultOp[] => {
    if (!sent.has(entry.id) || touched.has(entry.id) || known[entry.id] !== localMark(entry)) return [];
    if (entry.updatedBy === me && entry.history.every((item) => item.by !== undefined)) return [];
    const history = entry.history.map((item) => (item.by === undefined ? { ...item, by: me } : item));
    return [{ type: 'entry.patch', id: entry.id, patch: { updatedBy: me, history } }];
  });
}

/**
 * Files still refused: those found now, and those refused before that this sync did not read again (a
 * refused file stays refused until someone writes it anew).
 */
function refusedField(link: TeamLink, readIds: readonly string[], now: readonly string[]): { refused?: string[] } {
  const read = new Set(readIds.map(entryFileOf));
  const kept = (link.lastSync?.refused ?? []).filter((file) => !read.has(file));
  const refused = [...new Set([...kept, ...now])];
  return refused.length > 0 ? { refused } : {};
}

const commitMessage = (count: number): string => `keyhaven: ${count} ${count === 1 ? 'entry' : 'entries'} changed`;

function changedEntryIds(report: SyncReport, extra: ReadonlySet<string>): string[] {
  const ids = new Set(extra);
  for (const path of report.pathsChanged) {
    if (!path.startsWith(`${ENTRIES_DIR}/`)) continue;
    const id = entryIdOfFile(path.slice(ENTRIES_DIR.length + 1));
    if (id !== null) ids.add(id);
  }
  return [...ids];
}

/**
 * This member's changes replayed onto a teammate's key rotation are still under the old key, which
 * the removed member held: each is written again under the new key and committed (sent next sync).
 */
async function reencrypt(session: TeamVaultSession, stale: readonly ReadChange[], repo: TeamRepo): Promise<boolean> {
  const paths: string[] = [];
  for (const change of stale) {
    if (change.record === null) continue;
    await writeEntryText(session.root, entryFileOf(change.id), await encodeSignedEntry(session, change.record));
    paths.push(entryFileOf(change.id));
  }
  return paths.length > 0 && (await repo.commitAll(paths, commitMessage(paths.length))) !== null;
}
