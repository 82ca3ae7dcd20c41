import { Unplug } from 'lucide-react';
import { useEffect } from 'react';
import { signalAppReady } from '../../lib/ready-signal';
import { PageCard } from '../../components/PageCard';

/**
 * Shown instead of the app when `window.keyhaven` is absent: the page was opened outside Keyhaven
 * (a plain browser) or the preload failed. Nothing can be read or changed, so nothing else renders.
 */
export function BridgeMissing() {
  // The page has settled too; end-to-end tests waiting for readiness then see this screen at once.
  useEffect(signalAppReady, []);
  return (
    <PageCard icon={Unplug} title="Keyhaven's bridge is missing" role="alert">
      <p className="page-card__muted">
        This window cannot reach Keyhaven&apos;s background process, so it cannot show or change your apps and keys.
        Nothing was read or changed.
      </p>
      <p className="page-card__muted">
        Open Keyhaven from its application launcher instead of loading this page in a browser. If Keyhaven itself shows
        this screen, quit it and start it again; if it keeps happening, reinstall Keyhaven.
      </p>
    </PageCard>
  );
}
