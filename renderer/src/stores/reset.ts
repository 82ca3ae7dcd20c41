import { useActivity } from './activity-store';
import { useApps } from './apps-store';
import { useConsoleLibrary } from './console-library-store';
import { useConsole } from './console-store';
import { useKeys } from './keys-store';
import { useLockStatus } from './lock-status-store';
import { useNavigation } from './navigation-store';
import { useStatus } from './status-store';
import { useTeams } from './team-store';
import { useTestApi } from './test-api-store';
import { useVaults } from './vaults-store';

/** Puts every store back to its first state: between tests, and if the data folder is swapped. */
export function resetStores(): void {
  for (const store of [
    useNavigation,
    useStatus,
    useApps,
    useKeys,
    useActivity,
    useVaults,
    useLockStatus,
    useTestApi,
    useConsole,
    useConsoleLibrary,
    useTeams,
  ] as const) {
    (store.setState as (state: unknown, replace: true) => void)(store.getInitialState(), true);
  }
}
