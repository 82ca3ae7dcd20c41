import { useEffect, useRef } from 'react';
import { useNavigation } from '../../stores/navigation-store';
import { useSearch } from '../../stores/search-store';
import { selectBlockingProblem, useStatus } from '../../stores/status-store';
import { ActivityScreen } from '../activity/ActivityScreen';
import { AppDetailScreen } from '../app-detail/AppDetailScreen';
import { AppsScreen } from '../apps/AppsScreen';
import { DataProblemBanner } from '../recovery/DataProblemBanner';
import { DataRecoveryPage } from '../recovery/DataRecoveryPage';
import { KeychainBanner } from '../status/KeychainBanner';
import { ConsoleScreen } from '../console/ConsoleScreen';
import { SearchPalette } from '../search/SearchPalette';
import { useSearchShortcut } from '../search/use-search-shortcut';
import { SettingsScreen } from '../settings/SettingsScreen';
import { VaultsScreen } from '../vaults/VaultsScreen';
import { Sidebar } from './Sidebar';
import { useLiveUpdates } from './use-live-updates';
import { useStartup } from './use-startup';
import './Shell.css';

/**
 * Sidebar, the app-wide banners (keychain, data files that could not be opened), and the current
 * screen; or, when keyhaven.json itself cannot be opened, only the page that recovers it.
 */
export function Shell() {
  useStartup();
  useLiveUpdates();
  useSearchShortcut();
  const searching = useSearch((s) => s.open);
  const hideSearch = useSearch((s) => s.hide);
  const blocking = useStatus(selectBlockingProblem);
  const route = useNavigation((s) => s.route);
  const visits = useNavigation((s) => s.visits);
  const main = useRef<HTMLElement>(null);

  // After a screen change, focus its heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (visits > 0) main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [visits]);

  if (blocking) return <DataRecoveryPage problem={blocking} />;
  return (
    <div className="shell">
      <Sidebar />
      <div className="shell__main">
        <KeychainBanner />
        <DataProblemBanner />
        {/* The console is a workspace: the whole width and height, its panes scrolling on their own. */}
        <main
          ref={main}
          className={route.screen === 'console' ? 'shell__content shell__content--workspace' : 'shell__content'}
        >
          {route.screen === 'apps' ? <AppsScreen /> : null}
          {route.screen === 'app' ? (
            <AppDetailScreen key={route.appId} appId={route.appId} tab={route.tab} keyId={route.keyId} />
          ) : null}
          {route.screen === 'activity' ? <ActivityScreen /> : null}
          {route.screen === 'vaults' ? (
            <VaultsScreen vaultId={route.vaultId} entryId={route.entryId ?? null} reveal={route.reveal === true} />
          ) : null}
          {route.screen === 'console' ? <ConsoleScreen key={route.entryId ?? ''} entryId={route.entryId} /> : null}
          {route.screen === 'settings' ? <SettingsScreen /> : null}
        </main>
      </div>
      {searching ? <SearchPalette onClose={hideSearch} /> : null}
    </div>
  );
}
