import { LockKeyhole } from 'lucide-react';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { useNavigation } from '../../stores/navigation-store';
import { AppearanceSection } from './AppearanceSection';
import { PassphraseSection } from './PassphraseSection';
import { TestApiSection } from './TestApiSection';
import './settings.css';

/** Settings for this Keyhaven as a whole. An app's own settings are on its Settings tab. */
export function SettingsScreen() {
  const goToVaults = useNavigation((s) => s.goToVaults);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Settings for this Keyhaven. An app's own settings are on its Settings tab."
      />
      <div className="global-settings">
        <AppearanceSection />
        <section className="global-settings__section" aria-labelledby="settings-test-api">
          <h2 id="settings-test-api" className="global-settings__title">
            Local test API
          </h2>
          <p className="muted">
            An HTTP server on 127.0.0.1, reachable only from this computer, that accepts the API keys this Keyhaven
            issued, so you can try them with curl or your own code. It is off until you start it; then it comes back on
            the same port each time Keyhaven starts, until you stop it.
          </p>
          <TestApiSection />
        </section>
        <section className="global-settings__section" aria-labelledby="settings-vault-lock">
          <h2 id="settings-vault-lock" className="global-settings__title">
            Vault locking
          </h2>
          <p className="muted">Auto-lock and clipboard clearing are set on the Vaults screen, under Lock settings.</p>
          <div>
            <Button icon={LockKeyhole} onClick={() => goToVaults()}>
              Go to Vaults
            </Button>
          </div>
        </section>
        <PassphraseSection />
      </div>
    </>
  );
}
