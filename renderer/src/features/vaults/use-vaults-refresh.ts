import { useEffect } from 'react';
import { useVaults } from '../../stores/vaults-store';

/**
 * The Vaults screen reads the list when it opens. Afterwards main says when vaults lock on their own
 * (`vaults:locked`) or another process changed them (`data:changed`), and the shell re-reads them then
 * (use-live-updates.ts); a call answering LOCKED re-reads the list too (the store).
 */
export function useVaultsRefresh(): void {
  useEffect(() => {
    void useVaults.getState().load();
  }, []);
}
