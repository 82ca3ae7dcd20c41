import { useCallback, useState } from 'react';
import type { TransferMode } from '../../../../shared/domain/entry-actions';
import type { EntryView } from '../../../../shared/domain/vault';
import { isFailure, type ApiFailure } from '../../api/client';
import { useUnlock } from '../../stores/unlock-store';
import { useVaults } from '../../stores/vaults-store';

export interface TransferRequest {
  entries: readonly EntryView[];
  fromVaultId: string;
  toVaultId: string;
  mode: TransferMode;
}

export type TransferOutcome =
  | { state: 'done'; text: string; moved: EntryView[]; toVaultId: string; mode: TransferMode }
  | { state: 'failed'; failure: ApiFailure };

const keys = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'key' : 'keys'}`;

/** Unlocks each locked vault of `vaultIds` in turn (each may ask for the passphrase), then `then`. */
async function unlockThen(vaultIds: readonly string[], then: () => void, failed: (failure: ApiFailure) => void) {
  const locked = useVaults.getState().vaults.find((v) => vaultIds.includes(v.id) && v.locked);
  if (!locked) return then();
  const failure = await useUnlock.getState().start({
    vaultId: locked.id,
    vaultName: locked.name,
    then: () => void unlockThen(vaultIds, then, failed),
  });
  if (failure) failed(failure);
}

/**
 * Move or copy, unlocking first what must be: each key is opened with its vault's key and sealed with
 * the target's, so both vaults must be open. Each locked one is unlocked as Unlock does (the passphrase
 * dialog, Touch ID or one click), one after the other, then the transfer runs. The outcome is for the
 * caller to show: the dialog that asked has closed, so a passphrase dialog never sits on top of it.
 */
export function useEntryTransfer(onDone?: (outcome: TransferOutcome) => void) {
  const [outcome, setOutcome] = useState<TransferOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = useCallback(
    (next: TransferOutcome) => {
      setOutcome(next);
      setBusy(false);
      onDone?.(next);
    },
    [onDone],
  );

  const transferNow = useCallback(
    async (request: TransferRequest) => {
      const { transfer, vaults } = useVaults.getState();
      const result = await transfer(
        { entryIds: request.entries.map((e) => e.id), toVaultId: request.toVaultId, mode: request.mode },
        request.fromVaultId,
      );
      if (isFailure(result)) return finish({ state: 'failed', failure: result });
      const target = vaults.find((v) => v.id === request.toVaultId)?.name ?? 'the other vault';
      const verb = request.mode === 'move' ? 'Moved' : 'Copied';
      const renamed = result.filter((entry, at) => entry.name !== request.entries[at]?.name).length;
      const note = renamed === 0 ? '' : ` (${keys(renamed)} renamed: the name was taken there)`;
      finish({
        state: 'done',
        text: `${verb} ${keys(result.length)} to ${target}${note}.`,
        moved: result,
        toVaultId: request.toVaultId,
        mode: request.mode,
      });
    },
    [finish],
  );

  const run = useCallback(
    (request: TransferRequest) => {
      setBusy(true);
      setOutcome(null);
      void unlockThen(
        [request.fromVaultId, request.toVaultId],
        () => void transferNow(request),
        (failure) => finish({ state: 'failed', failure }),
      );
    },
    [transferNow, finish],
  );

  return { run, busy, outcome, clear: () => setOutcome(null) };
}
