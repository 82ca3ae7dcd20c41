import type { TeamVaultStatus } from '../../../../shared/domain/team-link';
import type { Clock } from '../../clock';
import type { Vaults } from '../../vaults/vaults';
import type { TeamRepo } from '../git/team-repo';
import type { TeamIdentity } from '../team-identity';
import type { RecordActivity } from './team-activity';
import type { TeamCycleDeps, TeamSyncResult } from './team-sync-cycle';

/**
 * What member changes (team-membership.ts) need of the team vaults service (team-vaults.ts), as an
 * interface of its own so neither file imports the other.
 */
export interface TeamVaultsDeps {
  dataDir: string;
  vaults: () => Vaults;
  clock: Clock;
  /** The member's identity, created on first use under `name` (asked for when there is none yet). */
  identity: (name?: string) => Promise<TeamIdentity>;
  /** Activity records (team-activity.ts): written after what they tell of has happened. */
  record: RecordActivity;
}

export interface TeamContext {
  readonly deps: TeamVaultsDeps;
  /** Runs `work` after every earlier operation on this vault in this process has ended. */
  serial<T>(vaultId: string, work: () => Promise<T>): Promise<T>;
  repoOf(vaultId: string, me: TeamIdentity): Promise<TeamRepo>;
  cycleDeps(me: TeamIdentity, repo: TeamRepo): TeamCycleDeps;
  /** One sync, recorded in Activity when it did something. */
  syncNow(me: TeamIdentity, repo: TeamRepo, vaultId: string, fullImport?: boolean): Promise<TeamSyncResult>;
  /** The vault's name, for Activity's words. */
  vaultName(vaultId: string): string;
  statusOf(vaultId: string, me: TeamIdentity): Promise<TeamVaultStatus>;
}
