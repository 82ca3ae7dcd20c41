import { useState } from 'react';
import type { DataPart, RecoveryAction } from '../../../../shared/domain/data-recovery';
import type { RecoveryResult } from '../../../../shared/domain/system';
import { ApiFailure, client, isFailure } from '../../api/client';
import { useApps } from '../../stores/apps-store';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { useStatus } from '../../stores/status-store';
import { useVaults } from '../../stores/vaults-store';

export interface RecoveryDone {
  part: DataPart;
  action: RecoveryAction;
  keptAs: string[];
}

/** Runs a recovery in main, takes the new status, and re-reads what the recovered part feeds. */
export async function recover(part: DataPart, action: RecoveryAction): Promise<RecoveryDone | ApiFailure> {
  let result: RecoveryResult | ApiFailure;
  if (action === 'restoreBackup') result = await client.recovery.restoreBackup({ part });
  else if (action === 'retry') result = await client.recovery.retry({ part });
  else if (part === 'keys') return new ApiFailure('INVALID_INPUT', 'The key store is never started empty.');
  else result = await client.recovery.startEmpty({ part });
  if (isFailure(result)) return result;
  useStatus.getState().set(result.status);
  if (part === 'keys') await useApps.getState().load();
  if (part === 'vaults' || part === 'keys') await useVaults.getState().load();
  if (part === 'console' || part === 'keys') {
    const library = useConsoleLibrary.getState();
    await Promise.all([library.loadHistory(), library.loadCollections(), library.loadEnvironments()]);
  }
  return { part, action, keptAs: result.keptAs };
}

/** The confirmation being asked for, and the last recovery done (for its notice). */
export function useRecoveryFlow() {
  const [asking, setAsking] = useState<{ part: DataPart; action: RecoveryAction } | null>(null);
  const [done, setDone] = useState<RecoveryDone | null>(null);
  const run = async (part: DataPart, action: RecoveryAction): Promise<ApiFailure | null> => {
    const outcome = await recover(part, action);
    if (isFailure(outcome)) return outcome;
    setAsking(null);
    setDone(outcome);
    return null;
  };
  return { asking, ask: setAsking, cancel: () => setAsking(null), done, dismiss: () => setDone(null), run };
}
