import { DatabaseBackup, Download, LockKeyhole, Plus, Settings, Users } from 'lucide-react';
import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { selectPartProblem, useStatus } from '../../stores/status-store';
import { useNavigation } from '../../stores/navigation-store';
import { useVaults } from '../../stores/vaults-store';
import { JoinTeamDialog } from '../team-vaults/JoinTeamDialog';
import { ImportVaultDialog } from '../vault-transfer/ImportVaultDialog';
import { KeychainProblem } from './KeychainProblem';
import { LockSettingsDialog } from './LockSettingsDialog';
import { PassphraseOffer } from './PassphraseOffer';
import { UnlockPrompt } from './UnlockDialog';
import { VaultList } from './VaultList';
import { VaultNameDialog } from './VaultNameDialog';
import { UndoDeleteToast } from './UndoDeleteToast';
import { VaultPanel } from './VaultPanel';
import { useVaultsRefresh } from './use-vaults-refresh';
import './feedback.css';
import './vaults.css';

type ScreenDialog = 'new' | 'import' | 'settings' | 'join';
const selectVaultsProblem = selectPartProblem('vaults');

/** Vaults: the list of vaults beside the chosen vault's entries, or one entry's page. */
export function VaultsScreen({
  vaultId,
  entryId,
  reveal,
}: {
  vaultId: string | null;
  entryId: string | null;
  reveal: boolean;
}) {
  const vaults = useVaults((s) => s.vaults);
  const loaded = useVaults((s) => s.loaded);
  const loading = useVaults((s) => s.loading);
  const error = useVaults((s) => s.error);
  const load = useVaults((s) => s.load);
  // vaults.json could not be opened: the banner above offers the way back; nothing here can work.
  const unavailable = useStatus(selectVaultsProblem) !== null;
  const [chosen, setChosen] = useState(vaultId);
  // Navigating here for another vault (e.g. from the wizard) chooses it; clicks in the list do too.
  const [routeVault, setRouteVault] = useState(vaultId);
  if (routeVault !== vaultId) {
    setRouteVault(vaultId);
    setChosen(vaultId);
  }
  const current = vaults.find((vault) => vault.id === chosen) ?? vaults[0] ?? null;
  const [dialog, setDialog] = useState<ScreenDialog | null>(null);
  useVaultsRefresh();

  return (
    <>
      <PageHeader
        title="Vaults"
        description="Keys you keep, encrypted with a key held in the system keychain."
        actions={
          <>
            <Button icon={Download} disabled={unavailable || vaults.length === 0} onClick={() => setDialog('import')}>
              Import
            </Button>
            <Button icon={Settings} disabled={unavailable} onClick={() => setDialog('settings')}>
              Lock settings
            </Button>
            <Button icon={Users} disabled={unavailable} onClick={() => setDialog('join')}>
              Join a team vault
            </Button>
            <Button variant="primary" icon={Plus} disabled={unavailable} onClick={() => setDialog('new')}>
              New vault
            </Button>
          </>
        }
      />
      <KeychainProblem vault={current} />
      {unavailable ? null : <PassphraseOffer />}
      {unavailable ? (
        <EmptyState icon={DatabaseBackup} title="Your vaults are unavailable">
          <p>
            Keyhaven could not open vaults.json. The message at the top of the window says why, and offers to restore
            its backup or to start with no vaults.
          </p>
        </EmptyState>
      ) : error && !loaded ? (
        <Banner
          tone="danger"
          title="Keyhaven could not load your vaults"
          action={
            <Button size="sm" busy={loading} onClick={() => void load()}>
              Try again
            </Button>
          }
        >
          <p>{error.message}</p>
        </Banner>
      ) : !loaded ? (
        <SkeletonRows label="Loading vaults…" />
      ) : current === null ? (
        <EmptyState
          icon={LockKeyhole}
          title="No vaults yet"
          action={
            <Button variant="primary" icon={Plus} onClick={() => setDialog('new')}>
              New vault
            </Button>
          }
        >
          <p>A vault keeps API keys encrypted on this computer. Create one, then add the keys you want to keep.</p>
        </EmptyState>
      ) : (
        <div className="vaults-frame">
          <div className="vaults">
            <VaultList
              vaults={vaults}
              selectedId={current.id}
              onSelect={(id) => {
                setChosen(id);
                // Another vault chosen while an entry's page is open: its table, and the page is closed.
                if (entryId !== null) useNavigation.getState().closeEntry();
              }}
            />
            <VaultPanel
              key={current.id}
              vault={current}
              entryId={current.id === vaultId ? entryId : null}
              reveal={reveal}
              onImport={() => setDialog('import')}
            />
          </div>
        </div>
      )}
      {dialog === 'new' ? (
        <VaultNameDialog
          onClose={() => setDialog(null)}
          onDone={(vault) => {
            setChosen(vault.id);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'import' && current ? (
        <ImportVaultDialog
          vaults={vaults}
          initialVaultId={current.id}
          onClose={() => setDialog(null)}
          onChanged={(id) => {
            // As soon as the import is done: the counts and entries behind its summary are the new ones.
            void load();
            void useVaults.getState().loadEntries(id);
          }}
          onImported={(id) => {
            // The dialog reports an import when it closes after one: show the vault it went into.
            setDialog(null);
            setChosen(id);
          }}
        />
      ) : null}
      {dialog === 'join' ? (
        <JoinTeamDialog
          onClose={() => setDialog(null)}
          onJoined={(id) => {
            setChosen(id);
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === 'settings' ? <LockSettingsDialog onClose={() => setDialog(null)} /> : null}
      <UnlockPrompt />
      <UndoDeleteToast />
    </>
  );
}
