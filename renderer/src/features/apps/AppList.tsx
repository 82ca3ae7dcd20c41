import { ChevronRight } from 'lucide-react';
import { useId } from 'react';
import type { AppSummary } from '../../../../shared/domain/app';
import { useNavigation } from '../../stores/navigation-store';

const countKeys = (n: number) => (n === 1 ? '1 key' : `${n} keys`);

/**
 * One app. Its name is the button (WCAG 2.5.3: the accessible name is the visible label); the button's
 * click area stretches over the whole card (apps.css), and prefix, expiring and total keys describe it.
 */
function AppCard({ app, onOpen }: { app: AppSummary; onOpen: () => void }) {
  const detailsId = `${useId()}-details`;
  return (
    <div className="app-card">
      <span className="app-card__avatar" aria-hidden="true">
        {app.name.slice(0, 1).toUpperCase()}
      </span>
      <span className="app-card__main">
        <button type="button" className="app-card__open" aria-describedby={detailsId} onClick={onOpen}>
          {app.name}
        </button>
        {app.description ? <span className="app-card__description">{app.description}</span> : null}
      </span>
      <span id={detailsId} className="app-card__details">
        <code className="app-card__prefix" title="Key prefix">
          {app.keyPrefix}_
        </code>{' '}
        {app.expiringSoonCount > 0 ? (
          <span className={`app-card__expiring${app.expiringWithinDayCount > 0 ? ' app-card__expiring--urgent' : ''}`}>
            {app.expiringSoonCount} expiring soon
          </span>
        ) : null}{' '}
        <span className="app-card__count">{countKeys(app.keyCount)}</span>
      </span>
      <ChevronRight size={16} aria-hidden="true" className="app-card__chevron" />
    </div>
  );
}

export function AppList({ apps }: { apps: readonly AppSummary[] }) {
  const openApp = useNavigation((s) => s.openApp);
  return (
    <ul className="app-list" aria-label="Apps">
      {apps.map((app) => (
        <li key={app.id}>
          <AppCard app={app} onOpen={() => openApp(app.id)} />
        </li>
      ))}
    </ul>
  );
}
