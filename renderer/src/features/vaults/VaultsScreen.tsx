import { PageHeader } from '../../components/PageHeader';

/** Placeholder until the Vaults screen lands (issue 4). */
export function VaultsScreen({ vaultId: _vaultId }: { vaultId: string | null }) {
  return <PageHeader title="Vaults" />;
}
