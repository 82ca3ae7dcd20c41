import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { selectKeychainProblem, useStatus } from '../../stores/status-store';
import { useUnlock } from '../../stores/unlock-store';
import { useVaults } from '../../stores/vaults-store';

/**
 * Shown after an unlock found the system keychain unavailable: what that means for vaults (they stay
 * locked, nothing is lost), main's own advice, and a way to try again once the keychain is back. While
 * the app-wide keychain banner is on screen, it already gives main's advice, so this does not repeat it.
 */
export function KeychainProblem({ vault }: { vault: VaultSummary | null }) {
  const problem = useVaults((s) => s.keychainProblem);
  const startUnlock = useUnlock((s) => s.start);
  const globalBannerShown = useStatus((s) => selectKeychainProblem(s) !== null);
  const [busy, setBusy] = useState(false);
  if (!problem) return null;

  const retry = async () => {
    if (!vault) return;
    setBusy(true);
    await startUnlock({ vaultId: vault.id, vaultName: vault.name });
    setBusy(false);
  };

  return (
    <Banner
      tone="danger"
      title="The keychain is unavailable"
      className="vaults__banner"
      action={
        vault ? (
          <Button size="sm" busy={busy} onClick={() => void retry()}>
            {busy ? 'Trying…' : 'Try again'}
          </Button>
        ) : undefined
      }
    >
      {globalBannerShown ? (
        <p>
          Your vaults stay locked until it is back. Nothing is lost: names and details stay listed, and the keys stay
          encrypted on disk.
        </p>
      ) : (
        <>
          <p>
            Keyhaven cannot reach the system keychain, so your vaults stay locked. Nothing is lost: names and details
            stay listed, and the keys stay encrypted on disk.
          </p>
          <p>{problem.message}</p>
        </>
      )}
    </Banner>
  );
}
