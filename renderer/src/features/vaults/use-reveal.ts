import { useCallback, useEffect, useState } from 'react';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { selectVault, useVaults } from '../../stores/vaults-store';

/**
 * Show / Hide for one entry (or one previous version of it). The value lives only in this hook's
 * state: never in a store, gone when the component unmounts, and dropped as soon as the vault is
 * seen locked (main auto-locks on idle or screen lock; the list refresh tells us). `currentVersion`
 * (the entry's secretVersion, for its current key) says when that key was replaced.
 */
export function useReveal(entryId: string, vaultId: string, version?: number, currentVersion?: number) {
  const [value, setValue] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [valueOf, setValueOf] = useState(currentVersion);
  /** The current version whose value is to be read, as the one it replaced was being shown. */
  const [rereadFor, setRereadFor] = useState<number | null>(null);
  const locked = useVaults((s) => selectVault(vaultId)(s)?.locked ?? true);
  const noteFailure = useVaults((s) => s.noteFailure);

  // Adjusting state while rendering (not in an effect), so a locked vault never paints its value.
  if (locked && value !== null) setValue(null);
  // The current key changed (Edit with a new key, Restore): the value shown is the old one's. Never
  // paint it under the new version; read the new one instead, since the key was being shown.
  if (valueOf !== currentVersion) {
    setValueOf(currentVersion);
    if (value !== null) {
      setValue(null);
      setRereadFor(currentVersion ?? null);
    }
  }

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

  useEffect(() => {
    if (rereadFor === null) return;
    let current = true; // a later change (or unmounting) makes this answer stale
    void client.entries.reveal({ entryId }).then((result) => {
      if (!current) return;
      if (isFailure(result)) {
        noteFailure(result);
        setFailure(result);
      } else setValue(result.secret);
    });
    return () => {
      current = false;
    };
  }, [rereadFor, entryId, noteFailure]);

  const hide = useCallback(() => setValue(null), []);

  return { value: locked ? null : value, failure, busy, locked, show, hide };
}
