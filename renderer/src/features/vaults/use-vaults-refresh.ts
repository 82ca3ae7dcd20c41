import { useEffect } from 'react';
import { useVaults } from '../../stores/vaults-store';

/**
 * Main locks vaults on its own (idle, screen lock, sleep), so the screen re-reads the list: on
 * opening, every 15 s while open, and when the window gets focus back (the usual moment after a
 * screen lock), also the chosen vault's entries then. A call answering LOCKED re-reads it too (store).
 */
export function useVaultsRefresh(selectedId: string | null): void {
  useEffect(() => {
    const { load, startRefreshing } = useVaults.getState();
    void load();
    return startRefreshing();
  }, []);

  useEffect(() => {
    const onFocus = () => {
      const { load, loadEntries } = useVaults.getState();
      void load();
      if (selectedId) void loadEntries(selectedId);
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [selectedId]);
}
