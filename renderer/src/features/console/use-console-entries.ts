import { useEffect, useMemo } from 'react';
import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { useVaults } from '../../stores/vaults-store';

export interface ConsoleEntry {
  entry: EntryView;
  vault: VaultSummary;
}

/** Loads every vault's entries (metadata only: no secret) for the Authentication select. */
export function useLoadConsoleEntries(): void {
  const load = useVaults((s) => s.load);
  const loadEntries = useVaults((s) => s.loadEntries);
  const vaultIds = useVaults((s) => s.vaults.map((v) => v.id).join(','));
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    for (const id of vaultIds.split(',')) if (id) void loadEntries(id);
  }, [vaultIds, loadEntries]);
}

/** Entries across vaults, vault by vault, as "Personal · Pyas prod". */
export function useConsoleEntries(): ConsoleEntry[] {
  const vaults = useVaults((s) => s.vaults);
  const lists = useVaults((s) => s.entries);
  return useMemo(
    () => vaults.flatMap((vault) => (lists[vault.id]?.entries ?? []).map((entry) => ({ entry, vault }))),
    [vaults, lists],
  );
}
