import { useCallback, useState } from 'react';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { selectVault, useVaults } from '../../stores/vaults-store';

/**
 * Show / Hide for one entry (or one previous version of it). The value lives only in this hook's
 * state: never in a store, gone when the component unmounts, and dropped as soon as the vault is
 * seen locked (main auto-locks on idle or screen lock; the list refresh tells us).
 */
export function useReveal(entryId: string, vaultId: string, version?: number) {
  const [value, setValue] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = useVaults((s) => selectVault(vaultId)(s)?.locked ?? true);
  const noteFailure = useVaults((s) => s.noteFailure);

  // Adjusting state while rendering (not in an effect), so a locked vault never paints its value.
  if (locked && value !== null) setValue(null);

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
    setValue(result.secret);
  }, [entryId, version, noteFailure]);

  const hide = useCallback(() => setValue(null), []);

  return { value: locked ? null : value, failure, busy, locked, show, hide };
}
