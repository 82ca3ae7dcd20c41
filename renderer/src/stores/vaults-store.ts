import { create } from 'zustand';
import type { TagEntriesInput, TransferEntriesInput } from '../../../shared/domain/entry-actions';
import type { EntryView, NewEntryInput, UpdateEntryInput, VaultSummary } from '../../../shared/domain/vault';
import { client, isFailure, type ApiFailure } from '../api/client';

/**
 * Vaults and their entries' metadata. No secret ever enters this store: revealed values live in the
 * component that shows them and die with it, and a new key passes through `updateEntry` untouched.
 */
export interface EntryList {
  entries: EntryView[];
  loaded: boolean;
  loading: boolean;
  error: ApiFailure | null;
}

interface VaultsState {
  vaults: VaultSummary[];
  loaded: boolean;
  loading: boolean;
  error: ApiFailure | null;
  entries: Record<string, EntryList>;
  /** The keychain answered KEYCHAIN_UNAVAILABLE to an unlock; cleared once an unlock works. */
  keychainProblem: ApiFailure | null;
  load: () => Promise<void>;
  loadEntries: (vaultId: string) => Promise<void>;
  create: (name: string) => Promise<VaultSummary | ApiFailure>;
  rename: (vaultId: string, name: string) => Promise<VaultSummary | ApiFailure>;
  remove: (vaultId: string) => Promise<ApiFailure | null>;
  lock: (vaultId?: string) => Promise<ApiFailure | null>;
  /** The passphrase, when one is set, goes straight to main: it is never kept here. */
  unlock: (vaultId: string, passphrase?: string) => Promise<VaultSummary | ApiFailure>;
  addEntry: (input: NewEntryInput) => Promise<EntryView | ApiFailure>;
  updateEntry: (input: UpdateEntryInput) => Promise<EntryView | ApiFailure>;
  deleteEntry: (entry: EntryView) => Promise<ApiFailure | null>;
  /** Bulk delete: the chosen entries in one change, with one Undo for them all. */
  deleteEntries: (entries: readonly EntryView[]) => Promise<ApiFailure | null>;
  /** The entries deleted last (one, or a bulk delete), while their Undo is offered (main keeps them ENTRY_UNDO_SECONDS). */
  recentlyDeleted: readonly EntryView[] | null;
  /** Undo: main puts the deleted entries back (keys and history included; no secret passes here). */
  restoreDeleted: () => Promise<ApiFailure | null>;
  /** Star or unstar: a metadata change, so it works while the vault is locked. */
  setFavorite: (entry: EntryView, favorite: boolean) => Promise<EntryView | ApiFailure>;
  /** Move or copy to another vault (both unlocked); both vaults' entries are read again. */
  transfer: (input: TransferEntriesInput, fromVaultId: string) => Promise<EntryView[] | ApiFailure>;
  /** Bulk tag: add and remove tags on the chosen entries. */
  tagEntries: (input: TagEntriesInput) => Promise<EntryView[] | ApiFailure>;
  /** A kept previous version becomes the current key (the current one moves to history). */
  restoreVersion: (entryId: string, version: number) => Promise<EntryView | ApiFailure>;
  /** The Undo offer is over (timed out, closed, or used). */
  forgetDeleted: () => void;
  /** Every failed vault call passes here: LOCKED means main locked on its own, so re-read the list. */
  noteFailure: (failure: ApiFailure) => void;
}

export const EMPTY_ENTRY_LIST: EntryList = { entries: [], loaded: false, loading: false, error: null };

export const useVaults = create<VaultsState>()((set, get) => {
  /** The latest entries request per vault: an older answer arriving after a newer one is dropped. */
  const entriesRequest = new Map<string, number>();
  const patchEntries = (vaultId: string, change: Partial<EntryList>) =>
    set((s) => ({
      entries: { ...s.entries, [vaultId]: { ...(s.entries[vaultId] ?? EMPTY_ENTRY_LIST), ...change } },
    }));
  const putEntry = (entry: EntryView) => {
    const list = get().entries[entry.vaultId]?.entries ?? [];
    const at = list.findIndex((e) => e.id === entry.id);
    patchEntries(entry.vaultId, {
      entries: at === -1 ? [...list, entry] : list.map((e, i) => (i === at ? entry : e)),
    });
  };
  const dropEntries = (gone: readonly EntryView[]) => {
    const ids = new Set(gone.map((e) => e.id));
    for (const vaultId of new Set(gone.map((e) => e.vaultId))) {
      const list = get().entries[vaultId]?.entries ?? [];
      patchEntries(vaultId, { entries: list.filter((e) => !ids.has(e.id)) });
    }
  };
  /** Passes the result through; a failure is noted, a success re-reads the vault list (counts, lock state). */
  const after = async <T>(result: T | ApiFailure, onSuccess?: (value: T) => void): Promise<T | ApiFailure> => {
    if (isFailure(result)) {
      get().noteFailure(result);
      return result;
    }
    onSuccess?.(result);
    await get().load();
    return result;
  };

  return {
    vaults: [],
    loaded: false,
    loading: false,
    error: null,
    entries: {},
    keychainProblem: null,
    recentlyDeleted: null,
    load: async () => {
      set({ loading: true });
      const result = await client.vaults.list();
      if (isFailure(result)) set({ error: result, loading: false });
      else set({ vaults: result, loaded: true, loading: false, error: null });
    },
    // A reload keeps the rows it has (loaded stays true), so the table does not flash empty meanwhile.
    loadEntries: async (vaultId) => {
      const request = (entriesRequest.get(vaultId) ?? 0) + 1;
      entriesRequest.set(vaultId, request);
      patchEntries(vaultId, { loading: true });
      const result = await client.entries.list({ vaultId });
      if (entriesRequest.get(vaultId) !== request) return;
      if (isFailure(result)) patchEntries(vaultId, { error: result, loading: false });
      else patchEntries(vaultId, { entries: result, loaded: true, loading: false, error: null });
    },
    create: async (name) => after(await client.vaults.create({ name })),
    rename: async (vaultId, name) => after(await client.vaults.rename({ vaultId, name })),
    remove: async (vaultId) => {
      const result = await after(await client.vaults.delete({ vaultId }), () =>
        set((s) => {
          const { [vaultId]: _gone, ...entries } = s.entries;
          return { entries };
        }),
      );
      return isFailure(result) ? result : null;
    },
    lock: async (vaultId) => {
      const result = await after(await client.vaults.lock(vaultId ? { vaultId } : {}));
      return isFailure(result) ? result : null;
    },
    unlock: async (vaultId, passphrase) => {
      const result = await client.vaults.unlock(passphrase === undefined ? { vaultId } : { vaultId, passphrase });
      if (isFailure(result)) {
        if (result.code === 'KEYCHAIN_UNAVAILABLE') set({ keychainProblem: result });
        // KEYCHAIN_DATA_MISSING: the list now reports keyMissing for this vault.
        await get().load();
        return result;
      }
      set({ keychainProblem: null });
      return after(result);
    },
    addEntry: async (input) => after(await client.entries.add(input), putEntry),
    updateEntry: async (input) => after(await client.entries.update(input), putEntry),
    deleteEntry: async (entry) => {
      const result = await after(await client.entries.delete({ entryId: entry.id }), () => {
        dropEntries([entry]);
        set({ recentlyDeleted: [entry] });
      });
      return isFailure(result) ? result : null;
    },
    deleteEntries: async (entries) => {
      const result = await after(await client.entries.deleteMany({ entryIds: entries.map((e) => e.id) }), () => {
        dropEntries(entries);
        set({ recentlyDeleted: entries });
      });
      return isFailure(result) ? result : null;
    },
    restoreDeleted: async () => {
      const deleted = get().recentlyDeleted;
      if (!deleted || deleted.length === 0) return null;
      set({ recentlyDeleted: null });
      const result =
        deleted.length === 1 && deleted[0]
          ? await after(await client.entries.restore({ entryId: deleted[0].id }), putEntry)
          : await after(await client.entries.restoreMany({ entryIds: deleted.map((e) => e.id) }), (restored) =>
              restored.forEach(putEntry),
            );
      return isFailure(result) ? result : null;
    },
    setFavorite: async (entry, favorite) =>
      after(await client.entries.update({ entryId: entry.id, favorite }), putEntry),
    transfer: async (input, fromVaultId) => {
      const result = await after(await client.entries.transfer(input));
      if (isFailure(result)) return result;
      await Promise.all([get().loadEntries(fromVaultId), get().loadEntries(input.toVaultId)]);
      return result.entries;
    },
    tagEntries: async (input) => after(await client.entries.tag(input), (entries) => entries.forEach(putEntry)),
    restoreVersion: async (entryId, version) =>
      after(await client.entries.restoreVersion({ entryId, version }), putEntry),
    forgetDeleted: () => set({ recentlyDeleted: null }),
    noteFailure: (failure) => {
      if (failure.code === 'LOCKED' || failure.code === 'KEYCHAIN_DATA_MISSING') void get().load();
      if (failure.code === 'KEYCHAIN_UNAVAILABLE') set({ keychainProblem: failure });
    },
  };
});

export const selectVault =
  (vaultId: string | null) =>
  (s: VaultsState): VaultSummary | undefined =>
    s.vaults.find((vault) => vault.id === vaultId);
