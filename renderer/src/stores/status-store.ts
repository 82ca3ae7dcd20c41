import { create } from 'zustand';
import type { DataProblem } from '../../../shared/domain/data-recovery';
import type { SystemStatus } from '../../../shared/domain/system';
import { client, isFailure, type ApiFailure } from '../api/client';

interface StatusState {
  status: SystemStatus | null;
  error: ApiFailure | null;
  loading: boolean;
  load: () => Promise<void>;
  /** A recovery answers with the new status: taken as it is, without another round trip. */
  set: (status: SystemStatus) => void;
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
  set: (status) => set({ status, error: null }),
}));

const NO_PROBLEMS: DataProblem[] = [];

/** Vaults and console files that could not be opened (the app works around them). */
export const selectPartProblems = (s: StatusState): DataProblem[] => {
  const problems = s.status?.dataProblems ?? NO_PROBLEMS;
  return problems.some((problem) => problem.part === 'keys') ? NO_PROBLEMS : problems;
};

/** keyhaven.json could not be opened: nothing but the recovery page can work. */
export const selectBlockingProblem = (s: StatusState): DataProblem | null =>
  s.status?.dataProblems.find((problem) => problem.part === 'keys') ?? null;

export const selectPartProblem =
  (part: DataProblem['part']) =>
  (s: StatusState): DataProblem | null =>
    s.status?.dataProblems.find((problem) => problem.part === part) ?? null;

/**
 * Set only once the core has said the keychain is unreachable (not while unknown). A locked keychain
 * is not unreachable: the sidebar says what to do about it (KeychainStatus).
 */
export const selectKeychainProblem = (s: StatusState): string | null =>
  s.status?.keychain.state === 'unavailable'
    ? (s.status.keychain.problem ?? 'Keyhaven cannot use the system keychain.')
    : null;
