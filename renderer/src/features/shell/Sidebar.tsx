import { Activity, KeyRound, LayoutGrid, LockKeyhole, Search, Send, Settings, type LucideIcon } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { selectAnyExpiringWithinDay, selectExpiringSoonTotal, useApps } from '../../stores/apps-store';
import { PRIMARY_MODIFIER } from '../../lib/shortcut-label';
import { useNavigation } from '../../stores/navigation-store';
import { useSearch } from '../../stores/search-store';
import { useStatus } from '../../stores/status-store';
import { KeychainStatus } from './KeychainStatus';
import { SidebarLockState } from './SidebarLockState';

interface NavItemProps {
  label: string;
  icon: LucideIcon;
  current: boolean;
  onClick: () => void;
  badge?: ReactNode;
  /** Read after the name, e.g. "3 keys expire within 7 days". */
  description?: string | undefined;
}

function NavItem({ label, icon: Icon, current, onClick, badge, description }: NavItemProps) {
  const id = useId();
  return (
    <li>
      <button
        type="button"
        className="sidebar__item"
        aria-current={current ? 'page' : undefined}
        aria-describedby={description ? id : undefined}
        onClick={onClick}
      >
        <Icon size={16} aria-hidden="true" />
        {label}
        {badge}
      </button>
      {description ? (
        <span id={id} hidden>
          {description}
        </span>
      ) : null}
    </li>
  );
}

/** Keys expiring within 7 days across apps; red when one expires within a day. */
function useExpiryBadge(): { badge: ReactNode; description: string | undefined } {
  const soon = useApps(selectExpiringSoonTotal);
  const urgent = useApps(selectAnyExpiringWithinDay);
  if (soon === 0) return { badge: null, description: undefined };
  const description = `${soon} ${soon === 1 ? 'key expires' : 'keys expire'} within 7 days${
    urgent ? ', at least one within a day' : ''
  }`;
  const badge = (
    <span
      className={`sidebar__badge${urgent ? ' sidebar__badge--urgent' : ''}`}
      aria-hidden="true"
      title={description}
      data-testid="expiry-badge"
    >
      {soon}
    </span>
  );
  return { badge, description };
}

export function Sidebar() {
  const screen = useNavigation((s) => s.route.screen);
  const goToApps = useNavigation((s) => s.goToApps);
  const goToActivity = useNavigation((s) => s.goToActivity);
  const goToVaults = useNavigation((s) => s.goToVaults);
  const goToConsole = useNavigation((s) => s.goToConsole);
  const goToSettings = useNavigation((s) => s.goToSettings);
  const status = useStatus((s) => s.status);
  const expiry = useExpiryBadge();
  const showSearch = useSearch((s) => s.show);

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <KeyRound size={16} />
        </span>
        Keyhaven
      </div>
      <button type="button" className="sidebar__search" onClick={showSearch} aria-keyshortcuts="Control+K Meta+K">
        <Search size={16} aria-hidden="true" />
        Search
        <kbd aria-hidden="true">{PRIMARY_MODIFIER}+K</kbd>
      </button>
      <nav aria-label="Main">
        <ul className="sidebar__list">
          <NavItem
            label="Apps"
            icon={LayoutGrid}
            current={screen === 'apps' || screen === 'app'}
            onClick={goToApps}
            badge={expiry.badge}
            description={expiry.description}
          />
          <NavItem label="Vaults" icon={LockKeyhole} current={screen === 'vaults'} onClick={() => goToVaults()} />
          <NavItem label="Console" icon={Send} current={screen === 'console'} onClick={() => goToConsole()} />
          <NavItem label="Activity" icon={Activity} current={screen === 'activity'} onClick={goToActivity} />
          <NavItem label="Settings" icon={Settings} current={screen === 'settings'} onClick={goToSettings} />
        </ul>
      </nav>
      <SidebarLockState />
      {status ? <KeychainStatus version={status.version} /> : null}
    </aside>
  );
}
