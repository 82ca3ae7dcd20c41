import type { App } from '../../../../shared/domain/app';
import { RelativeTime } from '../../components/RelativeTime';
import { formatAbsolute } from '../../lib/time';
import { AppRetirementSettings } from './AppRetirementSettings';
import { GeneralSettings } from './GeneralSettings';
import { ScopeSettings } from './ScopeSettings';
import { VerificationSettings } from './VerificationSettings';

/** The app's settings: General (name, description, key prefix), its scope catalog, Verification, and its end. */
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
      <section className="settings__section" aria-labelledby="settings-verification">
        <h2 id="settings-verification" className="section-title">
          Verification
        </h2>
        <p className="muted">
          Let your own service accept this app’s keys offline: it holds the two values below and the signed keyset. A
          revoked key is refused there once the service reloads the keyset (every 30 s by default).
        </p>
        <VerificationSettings key={app.id} app={app} />
      </section>
      <section className="settings__section" aria-labelledby="settings-retire">
        <h2 id="settings-retire" className="section-title">
          Archive or delete
        </h2>
        <AppRetirementSettings app={app} />
      </section>
    </div>
  );
}
