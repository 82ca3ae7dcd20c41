import { Lock, LockKeyhole, LockOpen } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { useNow } from '../../lib/use-now';
import { secondsLeftAt, useLockStatus } from '../../stores/lock-status-store';
import { useVaults } from '../../stores/vaults-store';

/** How often the sidebar asks main again; main's idle clock moves on its own between reads. */
export const LOCK_STATUS_REFRESH_MS = 15_000;

/** 9:41, or 1:05:00 past an hour. */
export function formatCountdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Whether any vault is open, and how long until idle locks them all: "2 vaults unlocked · Locks in
 * 9:41" (shown on two lines), counted down locally each second. Main is asked again every 15 s (its idle time resets when
 * the user is active) and whenever the vault list is re-read: after a lock or unlock here, and when
 * main says vaults changed or locked on their own (use-live-updates.ts). These reads do not count as
 * activity: auto-lock uses the system's idle time.
 */
export function SidebarLockState() {
  const status = useLockStatus((s) => s.status);
  const readAt = useLockStatus((s) => s.readAt);
  const vaults = useVaults((s) => s.vaults);
  const [busy, setBusy] = useState(false);
  const now = useNow(1000, readAt);

  useEffect(() => {
    const load = () => void useLockStatus.getState().load();
    const timer = setInterval(load, LOCK_STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void useLockStatus.getState().load();
  }, [vaults]);

  if (!status) return null;
  const open = status.unlockedVaults;
  const left = secondsLeftAt(status, readAt, Math.max(now, readAt));

  const lockAll = async () => {
    setBusy(true);
    await useVaults.getState().lock();
    await useLockStatus.getState().load();
    setBusy(false);
  };

  return (
    <div className="sidebar__lock">
      <p className="sidebar__lock-state" data-testid="lock-state">
        {open > 0 ? <LockOpen size={14} aria-hidden="true" /> : <LockKeyhole size={14} aria-hidden="true" />}
        <span>
          {open === 0 ? 'All vaults locked' : `${open} ${open === 1 ? 'vault' : 'vaults'} unlocked`}
          {open > 0 && left !== null ? (
            <>
              {/* Read as one sentence; shown on two lines, so the countdown never breaks in the middle. */}
              <span className="visually-hidden"> · </span>
              <span className="sidebar__countdown">Locks in {formatCountdown(left)}</span>
            </>
          ) : null}
        </span>
      </p>
      <Button size="sm" icon={Lock} busy={busy} disabled={open === 0} onClick={() => void lockAll()}>
        Lock all
      </Button>
    </div>
  );
}
