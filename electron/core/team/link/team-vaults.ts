import { readdir, rename, rm } from 'node:fs/promises';
import {
  displayRepoUrl,
  repoUrlSchema,
  type TeamLink,
  type TeamVaultStatus,
} from '../../../../shared/domain/team-link';
import { groupFingerprint, type TeamMember } from '../../../../shared/domain/team';
import { CoreError } from '../../errors';
import { requireVault } from '../../vaults/vault-service';
import { TeamRepo } from '../git/team-repo';
import type { TeamIdentity } from '../team-identity';
import { readMemberState } from '../team-members';
import { createTeamVault, openTeamVault } from '../team-vault';
import { syncEvents, teamEvent } from './team-activity';
import { joiningCopy, prepareLocalRemote, repoOptionsFor, withTeamLock, workingCopyOf } from './team-paths';
import type { TeamContext, TeamVaultsDeps } from './team-context';
import { addMember, removeMember, type RemovalResult } from './team-membership';
import { linkOf, syncTeamVault, type TeamCycleDeps, type TeamSyncResult } from './team-sync-cycle';

/**
 * Team vaults as the app and the command line use them (issue 15): share a vault, join one, sync,
 * and see who is in it. Member changes are in team-membership.ts. One operation per vault at a time
 * in this process; git's own lock (TeamRepo) keeps this process and another (the app and the command
 * line) from committing or syncing one working copy at once.
 */
/** Checked here too, not only at the IPC edge: the command line calls the core directly. */
function checkedRepoUrl(url: string): string {
  const parsed = repoUrlSchema.safeParse(url);
  if (!parsed.success) {
    throw new CoreError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Not a repository address.', {
      field: 'url',
    });
  }
  return parsed.data;
}

const compact = (fingerprint: string): string => fingerprint.replaceAll(' ', '');

const NEEDS_THE_USER = new Set<string>(['LOCKED', 'PASSPHRASE_REQUIRED', 'KEYCHAIN_UNAVAILABLE']);

const emptyResult = (vaultId: string): TeamSyncResult => ({
  ...{ vaultId, state: 'synced', ahead: 0, sent: 0, received: 0, deleted: 0, notices: [], refused: [] },
  timings: { totalMs: 0, gitMs: 0 },
});

export class TeamVaults implements TeamContext {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly deps: TeamVaultsDeps) {}

  /** Ids of the vaults shared with a team, for the periodic sync. */
  teamVaultIds(): string[] {
    return this.deps
      .vaults()
      .db.snapshot()
      .vaults.filter((vault) => vault.team !== undefined)
      .map((vault) => vault.id);
  }

  /**
   * Shares an existing vault through the repository at `url` (a path or URL; a local path that does
   * not exist becomes a new bare repository). The repository must hold no team vault yet.
   */
  async share(vaultId: string, rawUrl: string, memberName?: string): Promise<TeamVaultStatus> {
    const url = checkedRepoUrl(rawUrl);
    const me = await this.deps.identity(memberName);
    return this.serial(vaultId, async () => {
      const vault = requireVault(this.deps.vaults().db.snapshot(), vaultId);
      if (vault.team !== undefined) {
        throw new CoreError('CONFLICT', `"${vault.name}" is already shared with a team (${vault.team.url}).`);
      }
      const dir = workingCopyOf(this.deps.dataDir, vaultId);
      await rm(dir, { recursive: true, force: true }); // a share that failed half-way before
      await prepareLocalRemote(url);
      const repo = await TeamRepo.clone(url, dir, repoOptionsFor(me));
      try {
        if ((await readdir(dir)).some((name) => name !== '.git')) {
          throw new CoreError(
            'CONFLICT',
            'This repository already holds files: share into an empty repository, or join the team vault it holds.',
          );
        }
        const team = await createTeamVault(dir, me, this.deps.clock.now());
        await repo.commitAll(['.'], 'keyhaven: team vault created');
        await this.link(vaultId, url, team.teamId, team.head, false);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      await this.deps.record([
        teamEvent('team.shared', vaultId, `Vault "${vault.name}" shared with a team through ${displayRepoUrl(url)}`),
      ]);
      await this.syncNow(me, repo, vaultId);
      return this.statusOf(vaultId, me);
    });
  }

  /**
   * Joins the team vault at `url` as a member someone already added: a clone, the member list checked
   * (and pinned from now on), a new local vault named `vaultName`, and every entry taken in.
   */
  async join(rawUrl: string, vaultName: string, memberName?: string): Promise<TeamVaultStatus> {
    const url = checkedRepoUrl(rawUrl);
    const me = await this.deps.identity(memberName);
    const temporary = joiningCopy(this.deps.dataDir);
    let vaultId: string | null = null;
    try {
      await TeamRepo.clone(url, temporary, repoOptionsFor(me));
      const team = await openTeamVault(temporary, me);
      const joined = this.deps
        .vaults()
        .db.snapshot()
        .vaults.find((vault) => vault.team?.teamId === team.teamId);
      if (joined) throw new CoreError('CONFLICT', `You have already joined this team vault as "${joined.name}".`);
      const readOnly = team.members.get(me.fingerprint)?.readOnly === true;
      vaultId = (await this.deps.vaults().vaults.createVault(vaultName)).id;
      await rename(temporary, workingCopyOf(this.deps.dataDir, vaultId));
      await this.link(vaultId, url, team.teamId, team.head, readOnly);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      if (vaultId !== null)
        await this.deps
          .vaults()
          .vaults.deleteVault(vaultId)
          .catch(() => undefined);
      throw error;
    }
    const id = vaultId;
    return this.serial(id, async () => {
      await this.deps.record([
        teamEvent('team.joined', id, `Team vault "${this.vaultName(id)}" joined from ${displayRepoUrl(url)}`),
      ]);
      await this.syncNow(me, await this.repoOf(id, me), id, true);
      return this.statusOf(id, me);
    });
  }

  /**
   * Sends this member's changes, takes the team's in; never throws for the network (see the result's
   * state). A vault whose key needs the user (a Keyhaven passphrase not entered since the vaults
   * locked) reports `locked` and is synced at the next try after an unlock.
   */
  async sync(vaultId: string): Promise<TeamSyncResult> {
    const me = await this.deps.identity();
    return this.serial(vaultId, async () => {
      const link = linkOf(this.deps.vaults(), vaultId);
      try {
        return await this.syncNow(me, await this.repoOf(vaultId, me), vaultId);
      } catch (error) {
        if (!(error instanceof CoreError) || !NEEDS_THE_USER.has(error.code)) throw error;
        const message = 'Unlock this vault to sync it: its key is needed to read and write the team’s files.';
        const lastSync = { state: 'locked' as const, at: this.deps.clock.now().toISOString(), ahead: 0, message };
        await this.deps.vaults().db.commit(() => ({
          ops: [{ type: 'vault.team', id: vaultId, team: { ...link, lastSync } }],
          result: undefined,
        }));
        return { ...emptyResult(vaultId), state: 'locked', message };
      }
    });
  }

  /**
   * After its vault was deleted here: the working copy goes (it is git's objects, all encrypted; the
   * team's repository and the other members' copies are untouched). Nothing for a vault of one's own.
   */
  async forget(vaultId: string): Promise<void> {
    if (
      this.deps
        .vaults()
        .db.snapshot()
        .vaults.some((vault) => vault.id === vaultId)
    )
      return;
    await this.serial(vaultId, () => rm(workingCopyOf(this.deps.dataDir, vaultId), { recursive: true, force: true }));
  }

  async status(vaultId: string): Promise<TeamVaultStatus> {
    return this.statusOf(vaultId, await this.deps.identity());
  }

  /** Adds a member from their public line (one commit, sent at once). */
  addMember(vaultId: string, line: string, options: { readOnly: boolean } = { readOnly: false }) {
    return addMember(this, vaultId, line, options);
  }

  /** Removes a member (by fingerprint or name): a new vault key, every entry re-encrypted and marked. */
  removeMember(vaultId: string, who: string): Promise<RemovalResult> {
    return removeMember(this, vaultId, who);
  }

  serial<T>(vaultId: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(vaultId) ?? Promise.resolve();
    const locked = () => withTeamLock(this.deps.dataDir, vaultId, work);
    const next = before.then(locked, locked);
    this.queues.set(
      vaultId,
      next.catch(() => undefined),
    );
    return next;
  }

  /** The working copy, put back to its last commit: an operation cut short leaves nothing behind. */
  async repoOf(vaultId: string, me: TeamIdentity): Promise<TeamRepo> {
    const repo = await TeamRepo.open(workingCopyOf(this.deps.dataDir, vaultId), repoOptionsFor(me));
    await repo.discardUncommitted();
    return repo;
  }

  async syncNow(me: TeamIdentity, repo: TeamRepo, vaultId: string, fullImport = false): Promise<TeamSyncResult> {
    const result = await syncTeamVault(this.cycleDeps(me, repo), vaultId, fullImport);
    const status = await this.statusOf(vaultId, me).catch(() => undefined);
    const names = new Map(
      [...(status?.members ?? []), ...(status?.former ?? [])].map((m) => [compact(m.fingerprint), m.name]),
    );
    const nameOf = (fingerprint: string) => names.get(fingerprint) ?? groupFingerprint(fingerprint);
    const events = syncEvents(result, this.vaultName(vaultId), nameOf);
    if (events.length > 0) await this.deps.record(events);
    return result;
  }

  vaultName(vaultId: string): string {
    return requireVault(this.deps.vaults().db.snapshot(), vaultId).name;
  }

  cycleDeps(me: TeamIdentity, repo: TeamRepo): TeamCycleDeps {
    return { vaults: this.deps.vaults(), me, repo, clock: this.deps.clock };
  }

  async statusOf(vaultId: string, me: TeamIdentity): Promise<TeamVaultStatus> {
    const link = linkOf(this.deps.vaults(), vaultId);
    const { state } = await readMemberState(workingCopyOf(this.deps.dataDir, vaultId), {
      teamId: link.teamId,
      head: link.pin,
    });
    const view = ([fingerprint, member]: [string, TeamMember]) => ({
      name: member.name,
      fingerprint: groupFingerprint(fingerprint),
      readOnly: member.readOnly,
      me: fingerprint === me.fingerprint,
    });
    return {
      vaultId,
      url: link.url,
      teamId: link.teamId,
      readOnly: link.readOnly,
      members: [...state.members].map(view),
      former: [...state.former].map(view),
      lastSyncedAt: link.lastSyncedAt,
      lastSync: link.lastSync,
    };
  }

  private async link(
    vaultId: string,
    url: string,
    teamId: string,
    pin: TeamLink['pin'],
    readOnly: boolean,
  ): Promise<void> {
    const team: TeamLink = {
      url: displayRepoUrl(url),
      teamId,
      pin,
      lastSyncedRemote: null,
      lastSyncedAt: null,
      lastSync: null,
      known: {},
      readOnly,
    };
    await this.deps.vaults().db.commit(() => ({ ops: [{ type: 'vault.team', id: vaultId, team }], result: undefined }));
  }
}
