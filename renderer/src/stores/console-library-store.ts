import { create } from 'zustand';
import type { CollectionsView } from '../../../shared/console/collections';
import type { EnvironmentsView, EnvironmentVariable } from '../../../shared/console/environments';
import type { HistoryItem, HistorySummary } from '../../../shared/console/history';
import { client, isFailure, type ApiFailure } from '../api/client';

/**
 * What the console keeps (issue 13): history (as summaries, newest first), collections (folders and
 * saved requests) and environments. Every change goes through main and the list is read back, so a
 * second window or the command line changing console.json shows up the same way (use-live-updates.ts).
 */
interface Loaded<T> {
  value: T;
  loaded: boolean;
  error: ApiFailure | null;
}

interface LibraryState {
  history: Loaded<HistorySummary[]>;
  collections: Loaded<CollectionsView>;
  /** The folders open in the tree. All start closed (a thousand requests would draw thousands of rows). */
  expanded: ReadonlySet<string>;
  environments: Loaded<EnvironmentsView>;
  loadHistory: () => Promise<void>;
  historyItem: (id: string) => Promise<HistoryItem | ApiFailure>;
  deleteHistory: (id: string) => Promise<ApiFailure | null>;
  clearHistory: () => Promise<ApiFailure | null>;
  loadCollections: () => Promise<void>;
  toggleFolder: (id: string) => void;
  /** Opens a folder and every folder above it: where something was just saved, made or imported. */
  expandTo: (folderId: string) => void;
  createFolder: (name: string, parentId: string | null) => Promise<ApiFailure | null>;
  renameFolder: (id: string, name: string) => Promise<ApiFailure | null>;
  moveFolder: (id: string, parentId: string | null, index: number) => Promise<ApiFailure | null>;
  deleteFolder: (id: string) => Promise<ApiFailure | null>;
  renameSaved: (id: string, name: string) => Promise<ApiFailure | null>;
  moveSaved: (id: string, folderId: string, index: number) => Promise<ApiFailure | null>;
  deleteSaved: (id: string) => Promise<ApiFailure | null>;
  loadEnvironments: () => Promise<void>;
  createEnvironment: (name: string, variables: EnvironmentVariable[]) => Promise<ApiFailure | null>;
  updateEnvironment: (
    id: string,
    change: { name?: string; variables?: EnvironmentVariable[] },
  ) => Promise<ApiFailure | null>;
  deleteEnvironment: (id: string) => Promise<ApiFailure | null>;
  selectEnvironment: (id: string | null) => Promise<ApiFailure | null>;
}

const HISTORY_FIRST = 100;

const initial = <T>(value: T): Loaded<T> => ({ value, loaded: false, error: null });
const loadedFrom = <T>(previous: Loaded<T>, result: T | ApiFailure): Loaded<T> =>
  isFailure(result) ? { ...previous, error: result } : { value: result, loaded: true, error: null };

export const useConsoleLibrary = create<LibraryState>()((set, get) => {
  /** Runs a change, then reloads what it touched; answers the failure, if any. */
  const change = async (run: () => Promise<unknown>, reload: () => Promise<void>): Promise<ApiFailure | null> => {
    const result = await run();
    await reload();
    return isFailure(result) ? result : null;
  };
  const collections = () => get().loadCollections();
  const environments = () => get().loadEnvironments();
  return {
    history: initial<HistorySummary[]>([]),
    collections: initial<CollectionsView>({ folders: [], saved: [] }),
    expanded: new Set<string>(),
    environments: initial<EnvironmentsView>({ environments: [], activeId: null }),
    loadHistory: async () => {
      // The first screenful at once (a few KB), then all of it (10,000 summaries are ~2 MB to copy).
      const first = await client.console.history({ limit: HISTORY_FIRST });
      set((s) => ({ history: loadedFrom(s.history, first) }));
      if (isFailure(first) || first.length < HISTORY_FIRST) return;
      const all = await client.console.history({});
      set((s) => ({ history: loadedFrom(s.history, all) }));
    },
    historyItem: (id) => client.console.historyItem({ id }),
    deleteHistory: (id) => change(() => client.console.deleteHistory({ id }), get().loadHistory),
    clearHistory: () => change(() => client.console.clearHistory(), get().loadHistory),
    loadCollections: async () => {
      const result = await client.console.collections();
      set((s) => ({ collections: loadedFrom(s.collections, result) }));
    },
    toggleFolder: (id) =>
      set((s) => {
        const expanded = new Set(s.expanded);
        if (!expanded.delete(id)) expanded.add(id);
        return { expanded };
      }),
    expandTo: (folderId) =>
      set((s) => {
        const byId = new Map(s.collections.value.folders.map((folder) => [folder.id, folder]));
        const expanded = new Set(s.expanded);
        for (let id: string | null = folderId; id !== null && !expanded.has(id); id = byId.get(id)?.parentId ?? null)
          expanded.add(id);
        return { expanded };
      }),
    createFolder: async (name, parentId) => {
      const made = await client.console.createFolder({ name, parentId });
      await collections();
      if (isFailure(made)) return made;
      get().expandTo(made.id);
      return null;
    },
    renameFolder: (id, name) => change(() => client.console.renameFolder({ id, name }), collections),
    moveFolder: (id, parentId, index) => change(() => client.console.moveFolder({ id, parentId, index }), collections),
    deleteFolder: (id) => change(() => client.console.deleteFolder({ id }), collections),
    renameSaved: (id, name) => change(() => client.console.updateSaved({ id, name }), collections),
    moveSaved: (id, folderId, index) => change(() => client.console.moveSaved({ id, folderId, index }), collections),
    deleteSaved: (id) => change(() => client.console.deleteSaved({ id }), collections),
    loadEnvironments: async () => {
      const result = await client.console.environments();
      set((s) => ({ environments: loadedFrom(s.environments, result) }));
    },
    createEnvironment: (name, variables) =>
      change(() => client.console.createEnvironment({ name, variables }), environments),
    updateEnvironment: (id, edit) => change(() => client.console.updateEnvironment({ id, ...edit }), environments),
    deleteEnvironment: (id) => change(() => client.console.deleteEnvironment({ id }), environments),
    selectEnvironment: (id) => change(() => client.console.selectEnvironment({ id }), environments),
  };
});
