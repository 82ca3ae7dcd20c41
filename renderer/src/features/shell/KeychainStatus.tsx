import type { KeychainStatus as KeychainState } from '../../../../shared/domain/system';
import { Button } from '../../components/Button';
import { useStatus } from '../../stores/status-store';

const LOOKS: Record<KeychainState['state'], { dot: string; label: string }> = {
  connected: { dot: 'ok', label: 'Keychain connected' },
  locked: { dot: 'warn', label: 'Keychain locked' },
  unavailable: { dot: 'bad', label: 'Keychain unavailable' },
};

/**
 * The sidebar's keychain line, as the core's probe found it. A locked keychain says what to do right
 * here, with Try again: the user unlocks it in the system's keyring app, nothing needs installing, and
 * vaults and new keys wait for it. An unavailable one has the app-wide banner (KeychainBanner).
 */
export function KeychainStatus({ version }: { version: string }) {
  const keychain = useStatus((s) => s.status?.keychain);
  const loading = useStatus((s) => s.loading);
  const load = useStatus((s) => s.load);
  if (!keychain) return null;
  const look = LOOKS[keychain.state];
  return (
    <div className="sidebar__footer">
      <p className="sidebar__keychain">
        <span className={`sidebar__dot sidebar__dot--${look.dot}`} aria-hidden="true" />
        {look.label}
        <span className="sidebar__version">v{version}</span>
      </p>
      {keychain.state === 'locked' ? (
        <>
          <p className="sidebar__advice">{keychain.problem}</p>
          <Button size="sm" busy={loading} onClick={() => void load()}>
            {loading ? 'Checking…' : 'Try again'}
          </Button>
        </>
      ) : null}
    </div>
  );
}
