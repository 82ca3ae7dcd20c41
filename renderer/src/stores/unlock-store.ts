import { create } from 'zustand';
import { isFailure, type ApiFailure } from '../api/client';
import { useLockStatus } from './lock-status-store';
import { useVaults } from './vaults-store';

/** A vault waiting for the Keyhaven passphrase, and what to do once it is open. */
export interface UnlockRequest {
  vaultId: string;
  vaultName: string;
  /** E.g. show the entry whose "Unlock to show" started it. */
  then?: (() => void) | undefined;
}

interface UnlockState {
  /** Shown by the Unlock dialog. Holds no passphrase: that lives in the dialog and dies with it. */
  request: UnlockRequest | null;
  /**
   * Unlock as this computer asks for it: the passphrase dialog when a Keyhaven passphrase is set;
   * otherwise one click (main asks Touch ID itself where there is one). Resolves to the failure of a
   * one-click unlock, or null (unlocked, or the dialog is open).
   */
  start: (request: UnlockRequest) => Promise<ApiFailure | null>;
  finish: () => void;
}

export const useUnlock = create<UnlockState>()((set) => ({
  request: null,
  start: async (request) => {
    const lockStatus = useLockStatus.getState();
    const status = lockStatus.status ?? (await lockStatus.load());
    if (status?.protection === 'passphrase') {
      set({ request });
      return null;
    }
    const result = await useVaults.getState().unlock(request.vaultId);
    if (isFailure(result)) {
      // A passphrase was set meanwhile (the command line, another window): ask for it after all.
      if (result.code !== 'PASSPHRASE_REQUIRED') return result;
      void useLockStatus.getState().load();
      set({ request });
      return null;
    }
    request.then?.();
    return null;
  },
  finish: () => set({ request: null }),
}));
