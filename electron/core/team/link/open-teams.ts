import type { Clock } from '../../clock';
import type { Keychain } from '../../keychain/keychain';
import type { Timers } from '../../platform/ports';
import type { Vaults } from '../../vaults/vaults';
import type { RecordActivity } from './team-activity';
import { TeamAutoSync } from './team-auto-sync';
import { TeamIdentities } from './team-identities';
import type { TeamSyncResult } from './team-sync-cycle';
import { TeamVaults } from './team-vaults';

/**
 * The team side of a core: the identity, the team vaults service, and, in a long-running process
 * (the app: `timers` given), the background sync. The command line syncs only when asked.
 */
export interface TeamsPart {
  teams: TeamVaults;
  teamIdentity: TeamIdentities;
  autoSync: TeamAutoSync | null;
}

export function openTeams(options: {
  dataDir: string;
  keychain: Keychain;
  installationId: () => string;
  clock: Clock;
  vaults: () => Vaults;
  /** Vaults when open, null while vaults.json cannot be: background work skips then. */
  vaultsIfOpen: () => Vaults | null;
  timers: Timers | null;
  synced: (result: TeamSyncResult) => void;
  record: RecordActivity;
  logError: (error: unknown) => void;
}): TeamsPart {
  const teamIdentity = new TeamIdentities(options.keychain, options.installationId, options.clock);
  const teams = new TeamVaults({
    dataDir: options.dataDir,
    vaults: options.vaults,
    clock: options.clock,
    identity: (name) => teamIdentity.require(name),
    record: options.record,
  });
  const autoSync =
    options.timers === null
      ? null
      : new TeamAutoSync({
          vaults: options.vaultsIfOpen,
          sync: (vaultId) => teams.sync(vaultId),
          timers: options.timers,
          clock: options.clock,
          synced: options.synced,
          logError: options.logError,
        });
  autoSync?.start();
  return { teams, teamIdentity, autoSync };
}
