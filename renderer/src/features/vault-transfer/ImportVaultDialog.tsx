import type { VaultSummary } from '../../../../shared/domain/vault';

export function ImportVaultDialog(props: {
  vaults: VaultSummary[];
  initialVaultId: string;
  onClose: () => void;
  onImported: (vaultId: string) => void;
}) {
  void props;
  return null;
}
