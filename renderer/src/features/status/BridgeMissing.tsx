import { Unplug } from 'lucide-react';
import { useEffect } from 'react';
import { signalAppReady } from '../../lib/ready-signal';
import './BridgeMissing.css';

/**
 * Shown instead of the app when `window.keyhaven` is absent: the page was opened outside Keyhaven
 * (a plain browser) or the preload failed. Nothing can be read or changed, so nothing else renders.
 */
export function BridgeMissing() {
  // The page has settled too; end-to-end tests waiting for readiness then see this screen at once.
  useEffect(signalAppReady, []);
  return (
    <main className="bridge-missing">
      <div className="bridge-missing__card" role="alert">
        <span className="bridge-missing__icon" aria-hidden="true">
          <Unplug size={24} />
        </span>
        <h1>Keyhaven&apos;s bridge is missing</h1>
        <p>
          This window cannot reach Keyhaven&apos;s background process, so it cannot show or change your apps and keys.
          Nothing was read or changed.
        </p>
        <p>
          Open Keyhaven from its application launcher instead of loading this page in a browser. If Keyhaven itself
          shows this screen, quit it and start it again; if it keeps happening, reinstall Keyhaven.
        </p>
      </div>
    </main>
  );
}
