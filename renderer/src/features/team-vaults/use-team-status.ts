import { useEffect } from 'react';
import type { TeamVaultStatus } from '../../../../shared/domain/team-link';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { useTeams } from '../../stores/team-store';

/**
 * A team vault's members (current and former), read when shown and again after each sync (the vault
 * summary's last sync changes then: a teammate may have added or removed someone). Undefined for a
 * vault of one's own, and until read.
 */
export function useTeamStatus(vault: VaultSummary): TeamVaultStatus | undefined {
  const status = useTeams((s) => s.statuses[vault.id]);
  const shared = vault.team !== undefined;
  const syncedAt = vault.team?.lastSync?.at;
  useEffect(() => {
    if (shared) void useTeams.getState().loadStatus(vault.id);
  }, [vault.id, shared, syncedAt]);
  return shared ? status : undefined;
}
