import { create } from 'zustand';
import type { SystemStatus } from '../../../shared/domain/system';
import { client, isFailure, type ApiFailure } from '../api/client';

interface StatusState {
  status: SystemStatus | null;
  error: ApiFailure | null;
  loading: boolean;
  load: () => Promise<void>;
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  error: null,
  loading: false,
  load: async () => {
    set({ loading: true });
    const result = await client.system.status();
    if (isFailure(result)) set({ error: result, loading: false });
    else set({ status: result, error: null, loading: false });
  },
}));

/** True only once the core has said the keychain is unreachable (not while unknown). */
export const selectKeychainProblem = (s: StatusState): string | null =>
  s.status && !s.status.keychain.available
    ? (s.status.keychain.problem ?? 'Keyhaven cannot use the system keychain.')
    : null;
