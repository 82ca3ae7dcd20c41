import { useEffect } from 'react';
import type { DataPart } from '../../../../shared/domain/data-recovery';
import { subscribe } from '../../api/client';
import { useActivity } from '../../stores/activity-store';
import { useApps } from '../../stores/apps-store';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { useKeys } from '../../stores/keys-store';
import { useLockStatus } from '../../stores/lock-status-store';
import { useVaults } from '../../stores/vaults-store';

/**
 * What main says happened without the page asking: another process (the command line, a second
 * window) changed data in the folder, or vaults locked on their own (idle, screen lock, sleep). The
 * page re-reads what is affected, and only what it has loaded: no polling, no refresh on focus.
 */
export function useLiveUpdates(): void {
  useEffect(() => {
    const unsubscribe = [
      subscribe('data:changed', ({ parts }) => void refresh(parts)),
      subscribe('vaults:locked', () => void refresh(['vaults'])),
      // Verifications by this process (the local test API, Check a key) were counted: the keys' use
      // counts and last use, and this hour's row in Activity, are read again.
      subscribe('activity:counted', () => void refresh(['keys'])),
    ];
    return () => {
      for (const off of unsubscribe) off();
    };
  }, []);
}

async function refresh(parts: readonly DataPart[]): Promise<void> {
  // Any change may open or close vaults (another process, an idle lock): the sidebar's lock line follows.
  const work: Promise<unknown>[] = [useLockStatus.getState().load()];
  if (parts.includes('keys')) {
    work.push(useApps.getState().load());
    const keys = useKeys.getState();
    for (const [appId, list] of Object.entries(keys.byApp)) if (list.loaded) work.push(keys.load(appId));
    // Records (and verifications counted) by another process are in keyhaven.json too.
    work.push(useActivity.getState().reloadLoaded());
  }
  if (parts.includes('vaults')) {
    const vaults = useVaults.getState();
    work.push(vaults.load());
    for (const [vaultId, list] of Object.entries(vaults.entries))
      if (list.loaded) work.push(vaults.loadEntries(vaultId));
  }
  if (parts.includes('console')) {
    const library = useConsoleLibrary.getState();
    work.push(library.loadHistory(), library.loadCollections(), library.loadEnvironments());
  }
  await Promise.all(work);
}
