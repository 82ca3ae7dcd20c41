import { useEffect, useRef } from 'react';
import { signalAppReady } from '../../lib/ready-signal';
import { useApps } from '../../stores/apps-store';
import { useStatus } from '../../stores/status-store';

/**
 * First loads: keychain status and the app list; then the ready signal, whatever they answered. While
 * the shell is open, the app list (and with it the expiry badge) refreshes every minute.
 */
export function useStartup(): void {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void Promise.all([useStatus.getState().load(), useApps.getState().load()]).then(signalAppReady);
  }, []);
  useEffect(() => useApps.getState().startRefreshing(), []);
}
