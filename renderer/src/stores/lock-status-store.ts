import { create } from 'zustand';
import type { LockStatus } from '../../../shared/domain/vault-lock';
import { client, isFailure } from '../api/client';

/**
 * What Unlock asks for (passphrase, Touch ID, nothing more) and how long until idle locks every
 * vault, as main last said. `readAt` is when it said so: the sidebar counts down from there locally.
 */
interface LockStatusState {
  status: LockStatus | null;
  readAt: number;
  load: () => Promise<LockStatus | null>;
}

export const useLockStatus = create<LockStatusState>()((set) => {
  /** The latest request: an older answer arriving after a newer one is dropped. */
  let latest = 0;
  return {
    status: null,
    readAt: 0,
    load: async () => {
      const request = ++latest;
      const result = await client.vaults.lockStatus();
      if (request !== latest) return null;
      // A failed read keeps the last status: the sidebar line is informative, the calls themselves check.
      if (isFailure(result)) return null;
      set({ status: result, readAt: Date.now() });
      return result;
    },
  };
});

/** Seconds left at `now`, counted down from main's last answer; null when nothing will auto-lock. */
export function secondsLeftAt(status: LockStatus | null, readAt: number, now: number): number | null {
  if (!status || status.locksInSeconds === null) return null;
  return Math.max(0, status.locksInSeconds - Math.floor((now - readAt) / 1000));
}
