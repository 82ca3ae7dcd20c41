import type { VaultSummary } from '../../../../shared/domain/vault';

export function ExportVaultDialog(props: { vault: VaultSummary; entryIds?: string[]; onClose: () => void }) {
  void props;
  return null;
}
