import type { LockStatus } from '../../../shared/domain/vault-lock';
import type { VaultService } from './vault-service';

/**
 * What the sidebar shows about locking: what Unlock asks for, how many vaults are open, and how long
 * until idle locks them (null when nothing is open: there is nothing to count down to).
 */
export function lockStatusOf(vaults: VaultService, idleSecondsLeft: number | null): LockStatus {
  const unlockedVaults = vaults.listVaults().filter((vault) => !vault.locked).length;
  return {
    protection: vaults.protection(),
    passphraseSetAt: vaults.db.snapshot().passphrase?.setAt ?? null,
    unlockedVaults,
    locksInSeconds: unlockedVaults > 0 ? idleSecondsLeft : null,
  };
}
