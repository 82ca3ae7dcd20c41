import { Activity, KeyRound, LayoutGrid, type LucideIcon } from 'lucide-react';
import { useNavigation } from '../../stores/navigation-store';
import { useStatus } from '../../stores/status-store';

interface NavItemProps {
  label: string;
  icon: LucideIcon;
  current: boolean;
  onClick: () => void;
}

function NavItem({ label, icon: Icon, current, onClick }: NavItemProps) {
  return (
    <li>
      <button type="button" className="sidebar__item" aria-current={current ? 'page' : undefined} onClick={onClick}>
        <Icon size={16} aria-hidden="true" />
        {label}
      </button>
    </li>
  );
}

export function Sidebar() {
  const screen = useNavigation((s) => s.route.screen);
  const goToApps = useNavigation((s) => s.goToApps);
  const goToActivity = useNavigation((s) => s.goToActivity);
  const status = useStatus((s) => s.status);

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <KeyRound size={16} />
        </span>
        Keyhaven
      </div>
      <nav aria-label="Main">
        <ul className="sidebar__list">
          <NavItem label="Apps" icon={LayoutGrid} current={screen === 'apps' || screen === 'app'} onClick={goToApps} />
          <NavItem label="Activity" icon={Activity} current={screen === 'activity'} onClick={goToActivity} />
        </ul>
      </nav>
      {status ? (
        <p className="sidebar__footer">
          <span
            className={`sidebar__dot ${status.keychain.available ? 'sidebar__dot--ok' : 'sidebar__dot--bad'}`}
            aria-hidden="true"
          />
          {status.keychain.available ? 'Keychain connected' : 'Keychain unavailable'}
          <span className="sidebar__version">v{status.version}</span>
        </p>
      ) : null}
    </aside>
  );
}
