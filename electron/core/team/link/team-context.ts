import type { TeamVaultStatus } from '../../../../shared/domain/team-link';
import type { Clock } from '../../clock';
import type { Vaults } from '../../vaults/vaults';
import type { TeamRepo } from '../git/team-repo';
import type { TeamIdentity } from '../team-identity';
import type { TeamCycleDeps } from './team-sync-cycle';

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
}

export interface TeamContext {
  readonly deps: TeamVaultsDeps;
  /** Runs `work` after every earlier operation on this vault in this process has ended. */
  serial<T>(vaultId: string, work: () => Promise<T>): Promise<T>;
  repoOf(vaultId: string, me: TeamIdentity): Promise<TeamRepo>;
  cycleDeps(me: TeamIdentity, repo: TeamRepo): TeamCycleDeps;
  statusOf(vaultId: string, me: TeamIdentity): Promise<TeamVaultStatus>;
}
