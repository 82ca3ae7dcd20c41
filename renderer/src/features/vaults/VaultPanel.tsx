import { KeyRound } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { useUnlock } from '../../stores/unlock-store';
import { EMPTY_ENTRY_LIST, useVaults } from '../../stores/vaults-store';
import { useNavigation } from '../../stores/navigation-store';
import { EntryPage } from '../entry-page/EntryPage';
import { TeamBar } from '../team-vaults/TeamBar';
import { BulkBar } from './BulkBar';
import { EntriesPanel } from './EntriesPanel';
import { useEntryTransfer } from './use-entry-transfer';
import { useEntryReturnFocus } from './use-entry-return-focus';
import { VaultDialogs, type PanelDialog } from './VaultDialogs';
import { VaultHeader } from './VaultHeader';
import { VaultNotes } from './VaultNotes';

/** The chosen vault: its header, notes, and entries. Keyed by vault, so search and ticks start afresh. */
interface VaultPanelProps {
  vault: VaultSummary;
  /** An entry of this vault whose page is open (Show, search): shown instead of the table. */
  entryId: string | null;
  /** The page was opened by Show: it reveals the key at once. */
  reveal: boolean;
  onImport: () => void;
}

export function VaultPanel({ vault, entryId, reveal, onImport }: VaultPanelProps) {
  const list = useVaults((s) => s.entries[vault.id] ?? EMPTY_ENTRY_LIST);
  const loadEntries = useVaults((s) => s.loadEntries);
  const lock = useVaults((s) => s.lock);
  const startUnlock = useUnlock((s) => s.start);
  const [dialog, setDialog] = useState<PanelDialog | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [lockBusy, setLockBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [bulkMessage, setBulkMessage] = useState('');
  const transfer = useEntryTransfer((outcome) => {
    if (outcome.state === 'failed') return setFailure(outcome.failure);
    setBulkMessage(outcome.text);
    // Moved keys have left this vault; copies stay ticked here, as they were.
    if (outcome.mode === 'move') setTicked(new Set());
  });
  const lockedHintId = useId();
  const panel = useRef<HTMLElement>(null);
  useEntryReturnFocus(panel, entryId === null && list.loaded);

  // Every time the panel opens (the screen is shown, or another vault chosen): a change made
  // elsewhere, such as a rotation on the Keys tab, changes an entry without changing the count. The
  // cached rows stay on screen while this reloads.
  useEffect(() => {
    void loadEntries(vault.id);
  }, [vault.id, loadEntries]);

  // While open, when the count says entries were added or removed meanwhile (the 15 s refresh).
  useEffect(() => {
    const current = useVaults.getState().entries[vault.id];
    if (current?.loaded && !current.loading && current.entries.length !== vault.entryCount) {
      void loadEntries(vault.id);
    }
  }, [vault.id, vault.entryCount, loadEntries]);

  // Only ticks on entries that still exist count (an entry deleted since is dropped).
  const selected = useMemo(
    () => new Set(list.entries.filter((entry) => ticked.has(entry.id)).map((entry) => entry.id)),
    [list.entries, ticked],
  );
  const selectedIds = useMemo(() => [...selected], [selected]);

  /** A failed lock or unlock shows here; the keychain's own problems have their banners (screen-wide, or the missing key above). */
  const noteFailure = (result: unknown) => {
    const own = isFailure(result) && result.code !== 'KEYCHAIN_UNAVAILABLE' && result.code !== 'KEYCHAIN_DATA_MISSING';
    if (own) setFailure(result);
  };

  /** Unlock as this computer asks for it (the passphrase dialog, Touch ID, or one click), then `then`. */
  const unlock = async (then?: () => void) => {
    setFailure(null);
    noteFailure(await startUnlock({ vaultId: vault.id, vaultName: vault.name, then }));
  };

  const toggleLock = async () => {
    setLockBusy(true);
    if (vault.locked) await unlock();
    else {
      setFailure(null);
      noteFailure(await lock(vault.id));
    }
    setLockBusy(false);
  };

  const select = (ids: readonly string[], on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  if (entryId !== null) {
    return (
      <section className="vault-panel" aria-label={vault.name}>
        <EntryPage
          key={entryId}
          vault={vault}
          entryId={entryId}
          revealOnOpen={reveal}
          onUnlock={(then) => void unlock(then)}
        />
      </section>
    );
  }

  const openEntry = useNavigation.getState().openEntry;
  const empty = list.loaded && list.entries.length === 0;
  return (
    <section ref={panel} className="vault-panel" aria-label={vault.name}>
      <VaultHeader
        vault={vault}
        selectedCount={selected.size}
        showAddKey={!empty}
        lockBusy={lockBusy}
        lockedHintId={lockedHintId}
        onLockToggle={() => void toggleLock()}
        onRename={() => setDialog({ kind: 'rename' })}
        onDelete={() => setDialog({ kind: 'deleteVault' })}
        onExport={() => setDialog({ kind: 'export' })}
        onAddKey={() => setDialog({ kind: 'add' })}
        onShare={() => setDialog({ kind: 'share' })}
      />
      {vault.team ? <TeamBar vault={vault} team={vault.team} /> : null}
      <VaultNotes vault={vault} lockedHintId={lockedHintId} failure={failure} onImport={onImport} />
      {list.error && !list.loaded ? (
        <Banner
          tone="danger"
          title="Keyhaven could not load the entries"
          action={
            <Button size="sm" busy={list.loading} onClick={() => void loadEntries(vault.id)}>
              Try again
            </Button>
          }
        >
          <p>{list.error.message}</p>
        </Banner>
      ) : !list.loaded ? (
        <SkeletonRows label="Loading entries…" />
      ) : empty ? (
        <EmptyState
          icon={KeyRound}
          title="This vault is empty"
          action={
            <Button
              variant="primary"
              disabled={vault.locked}
              aria-describedby={vault.locked ? lockedHintId : undefined}
              onClick={() => setDialog({ kind: 'add' })}
            >
              Add key
            </Button>
          }
        >
          <p>Paste a key you got from a service (Pyas, atfinity, nexos.ai…) to keep it here, encrypted.</p>
        </EmptyState>
      ) : (
        <>
          <BulkBar
            count={selected.size}
            message={bulkMessage}
            busy={transfer.busy}
            onTransfer={() => setDialog({ kind: 'bulkTransfer' })}
            onTag={() => setDialog({ kind: 'bulkTag' })}
            onDelete={() => setDialog({ kind: 'bulkDelete' })}
            onClear={() => setTicked(new Set())}
          />
          <EntriesPanel
            vault={vault}
            entries={list.entries}
            selected={selected}
            onSelectionChange={select}
            onShow={(entry) => openEntry(vault.id, entry.id, true)}
            onUnlockToShow={(entry) => void unlock(() => openEntry(vault.id, entry.id, true))}
            onEdit={(entry) => setDialog({ kind: 'edit', entryId: entry.id })}
            onDelete={(entry) => setDialog({ kind: 'delete', entryId: entry.id })}
          />
        </>
      )}
      <VaultDialogs
        dialog={dialog}
        vault={vault}
        entries={list.entries}
        selectedIds={selectedIds}
        onClose={() => setDialog(null)}
        onBulkDone={setBulkMessage}
        onTransfer={(toVaultId, mode) =>
          transfer.run({
            entries: list.entries.filter((entry) => selected.has(entry.id)),
            fromVaultId: vault.id,
            toVaultId,
            mode,
          })
        }
      />
    </section>
  );
}
