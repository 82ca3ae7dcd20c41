import type { App } from '../../../../shared/domain/app';
import { RelativeTime } from '../../components/RelativeTime';
import { formatAbsolute } from '../../lib/time';
import { GeneralSettings } from './GeneralSettings';
import { ScopeSettings } from './ScopeSettings';

/** The app's settings: General (name, description, key prefix) and its scope catalog. */
export function SettingsTab({ app }: { app: App }) {
  return (
    <div className="settings">
      <section className="settings__section" aria-labelledby="settings-general">
        <h2 id="settings-general" className="section-title">
          General
        </h2>
        <p className="muted">
          Created {formatAbsolute(app.createdAt)} (<RelativeTime iso={app.createdAt} />)
        </p>
        <GeneralSettings app={app} />
      </section>
      <section className="settings__section" aria-labelledby="settings-scopes">
        <h2 id="settings-scopes" className="section-title">
          Scopes
        </h2>
        <p className="muted">The permissions an API key of this app can be given.</p>
        <ScopeSettings app={app} />
      </section>
    </div>
  );
}
