import { useCallback, useState } from 'react';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { selectVault, useVaults } from '../../stores/vaults-store';

/**
 * Show / Hide for one entry (or one previous version of it). The value lives only in this hook's
 * state: never in a store, gone when the component unmounts, and dropped as soon as the vault is
 * seen locked (main auto-locks on idle or screen lock; the list refresh tells us). With
 * `currentVersion` (the entry's secretVersion as the page knows it), a shown current key is dropped
 * once it stops being current (Edit with a new key, Restore): hidden, not read again, since reading a
 * key is the user's act (and a record in Activity).
 */
export function useReveal(entryId: string, vaultId: string, version?: number, currentVersion?: number) {
  const [shown, setShown] = useState<{ secret: string; version: number } | null>(null);
  const value = shown?.secret ?? null;
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = useVaults((s) => selectVault(vaultId)(s)?.locked ?? true);
  const noteFailure = useVaults((s) => s.noteFailure);

  // Adjusting state while rendering (not in an effect), so a locked vault never paints its value, nor
  // the page a value that is no longer the entry's current key (a restore or an edit replaced it).
  const stale =
    version === undefined && currentVersion !== undefined && shown !== null && shown.version !== currentVersion;
  if ((locked || stale) && shown !== null) setShown(null);

  const show = useCallback(async () => {
    setBusy(true);
    setFailure(null);
    const result = await client.entries.reveal(version === undefined ? { entryId } : { entryId, version });
    setBusy(false);
    if (isFailure(result)) {
      noteFailure(result);
      setFailure(result);
      return;
    }
    setShown(result);
  }, [entryId, version, noteFailure]);

  const hide = useCallback(() => setShown(null), []);

  return { value: locked || stale ? null : value, failure, busy, locked, show, hide };
}
