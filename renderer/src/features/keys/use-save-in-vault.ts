import { useEffect, useRef, useState } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { client, isFailure, type ApiFailure } from '../../api/client';

type VaultList = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; vaults: VaultSummary[] };

/**
 * "Save in vault" on the store page: the vaults to choose from, the chosen one (the first by default)
 * and the save itself. Only the key's id goes to main, which still holds the plaintext.
 */
export function useSaveInVault(keyId: string) {
  const [list, setList] = useState<VaultList>({ kind: 'loading' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedIn, setSavedIn] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    void client.vaults.list().then((result) => {
      if (!live) return;
      setList(isFailure(result) ? { kind: 'failed', message: result.message } : { kind: 'ready', vaults: result });
    });
    return () => {
      live = false;
    };
  }, []);

  const vaults = list.kind === 'ready' ? list.vaults : [];
  // A chosen vault deleted meanwhile falls back to the first, rather than pointing at nothing.
  const vault = vaults.find((v) => v.id === chosen) ?? vaults[0] ?? null;

  const save = async () => {
    if (!vault || busy.current || savedIn) return;
    busy.current = true;
    setSaving(true);
    setFailure(null);
    const result = await client.keys.saveInVault({ keyId, vaultId: vault.id });
    busy.current = false;
    setSaving(false);
    if (isFailure(result)) return setFailure(result);
    setSavedIn(vault.name);
  };

  return { list, vaults, vault, choose: setChosen, save, saving, savedIn, failure };
}
