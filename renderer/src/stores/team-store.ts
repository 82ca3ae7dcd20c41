import { create } from 'zustand';
import type { TeamIdentityView, TeamVaultStatus } from '../../../shared/domain/team-link';
import { client, isFailure, type ApiFailure } from '../api/client';

/**
 * Team vaults (issue 15): this data folder's team identity (public part only: name, fingerprint,
 * member line) and each team vault's member list as last read. No secret passes here.
 */
interface TeamState {
  /** undefined until read; null when no identity was made yet (the first share or join makes it). */
  identity: TeamIdentityView | null | undefined;
  statuses: Record<string, TeamVaultStatus>;
  loadIdentity: () => Promise<TeamIdentityView | null | ApiFailure>;
  createIdentity: (name: string) => Promise<TeamIdentityView | ApiFailure>;
  loadStatus: (vaultId: string) => Promise<TeamVaultStatus | ApiFailure>;
  /** A status an action answered with (share, join, add, remove): kept without asking again. */
  putStatus: (status: TeamVaultStatus) => void;
}

export const useTeams = create<TeamState>()((set) => ({
  identity: undefined,
  statuses: {},
  loadIdentity: async () => {
    const result = await client.teams.identity({});
    if (!isFailure(result)) set({ identity: result });
    return result;
  },
  createIdentity: async (name) => {
    const result = await client.teams.createIdentity({ name });
    if (!isFailure(result)) set({ identity: result });
    return result;
  },
  loadStatus: async (vaultId) => {
    const result = await client.teams.status({ vaultId });
    if (!isFailure(result)) set((s) => ({ statuses: { ...s.statuses, [vaultId]: result } }));
    return result;
  },
  putStatus: (status) => set((s) => ({ statuses: { ...s.statuses, [status.vaultId]: status } })),
}));
