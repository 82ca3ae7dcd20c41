import { create } from 'zustand';
import type { HistoryItem, SavedRequest } from '../../../shared/console/history';
import type {
  ConsoleRequest,
  ConsoleRequestInput,
  ConsoleResponse,
  StoredRequest,
} from '../../../shared/console/request';
import type { TestApiStatus } from '../../../shared/domain/test-api';
import { client, isFailure, type ApiFailure } from '../api/client';
import { emptyDraft, fromRequest, type Draft } from '../features/console/draft';

/**
 * The request console (issue 5): the request being edited, the last answer, history and saved
 * requests. A typed key is held here only while the console is open (ConsoleScreen clears it when it
 * goes away); a vault entry's key never comes here: main injects it.
 */
export type SendState =
  | { phase: 'idle' }
  | { phase: 'sending'; requestId: string }
  | { phase: 'done'; response: ConsoleResponse }
  | { phase: 'failed'; failure: ApiFailure };

interface ListState<T> {
  items: T[];
  loaded: boolean;
  error: ApiFailure | null;
}

interface ConsoleState {
  draft: Draft;
  typedKey: string;
  send: SendState;
  history: ListState<HistoryItem>;
  saved: ListState<SavedRequest>;
  testApi: TestApiStatus | null;
  /** Counts loads into the editor (history, saved, curl), so fields showing raw text re-read it. */
  loads: number;
  editDraft: (change: Partial<Draft> | ((draft: Draft) => Partial<Draft>)) => void;
  setTypedKey: (key: string) => void;
  loadRequest: (request: StoredRequest | ConsoleRequest) => void;
  sendRequest: (request: ConsoleRequestInput) => Promise<void>;
  cancel: () => Promise<void>;
  loadHistory: () => Promise<void>;
  deleteHistory: (id: string) => Promise<ApiFailure | null>;
  clearHistory: () => Promise<ApiFailure | null>;
  loadSaved: () => Promise<void>;
  save: (name: string, request: ConsoleRequestInput) => Promise<SavedRequest | ApiFailure>;
  renameSaved: (id: string, name: string) => Promise<ApiFailure | null>;
  deleteSaved: (id: string) => Promise<ApiFailure | null>;
  loadTestApi: () => Promise<void>;
}

const EMPTY_LIST = { items: [], loaded: false, error: null };

export const useConsole = create<ConsoleState>()((set, get) => ({
  draft: emptyDraft(),
  typedKey: '',
  send: { phase: 'idle' },
  history: EMPTY_LIST,
  saved: EMPTY_LIST,
  testApi: null,
  loads: 0,
  editDraft: (change) =>
    set((s) => ({ draft: { ...s.draft, ...(typeof change === 'function' ? change(s.draft) : change) } })),
  setTypedKey: (typedKey) => set({ typedKey }),
  loadRequest: (request) => {
    const { draft, typedKey } = fromRequest(request);
    set((s) => ({ draft, typedKey, loads: s.loads + 1 }));
  },
  sendRequest: async (request) => {
    if (get().send.phase === 'sending') return;
    const requestId = crypto.randomUUID();
    set({ send: { phase: 'sending', requestId } });
    const result = await client.console.sendRequest({ requestId, request });
    const now = get().send;
    if (now.phase === 'sending' && now.requestId === requestId) {
      set({ send: isFailure(result) ? { phase: 'failed', failure: result } : { phase: 'done', response: result } });
    }
    await get().loadHistory();
  },
  cancel: async () => {
    const now = get().send;
    if (now.phase !== 'sending') return;
    await client.console.cancel({ requestId: now.requestId });
  },
  loadHistory: async () => {
    const result = await client.console.history();
    set((s) => ({
      history: isFailure(result)
        ? { ...s.history, error: result }
        : { items: [...result].sort((a, b) => b.at.localeCompare(a.at)), loaded: true, error: null },
    }));
  },
  deleteHistory: async (id) => {
    const result = await client.console.deleteHistory({ id });
    await get().loadHistory();
    return isFailure(result) ? result : null;
  },
  clearHistory: async () => {
    const result = await client.console.clearHistory();
    await get().loadHistory();
    return isFailure(result) ? result : null;
  },
  loadSaved: async () => {
    const result = await client.console.listSaved();
    set((s) => ({
      saved: isFailure(result) ? { ...s.saved, error: result } : { items: result, loaded: true, error: null },
    }));
  },
  save: async (name, request) => {
    const result = await client.console.save({ name, request });
    if (!isFailure(result)) await get().loadSaved();
    return result;
  },
  renameSaved: async (id, name) => {
    const result = await client.console.updateSaved({ id, name });
    if (!isFailure(result)) await get().loadSaved();
    return isFailure(result) ? result : null;
  },
  deleteSaved: async (id) => {
    const result = await client.console.deleteSaved({ id });
    await get().loadSaved();
    return isFailure(result) ? result : null;
  },
  loadTestApi: async () => {
    const result = await client.testApi.status();
    set({ testApi: isFailure(result) ? null : result });
  },
}));
