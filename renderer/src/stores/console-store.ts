import { create } from 'zustand';
import type { SavedRequest } from '../../../shared/console/collections';
import type {
  ConsoleRequest,
  ConsoleRequestInput,
  ConsoleResponse,
  StoredRequest,
} from '../../../shared/console/request';
import type { TestApiStatus } from '../../../shared/domain/test-api';
import { client, isFailure, type ApiFailure } from '../api/client';
import { emptyDraft, fromRequest, type Draft } from '../features/console/draft';
import { useConsoleLibrary } from './console-library-store';

/**
 * The console's open requests (issues 5, 13): one per tab, each with its draft, its typed key, its
 * last answer and the saved request it edits. The active tab's fields sit at the top level, where the
 * editor reads them; the others wait in `tabs`. A typed key is held only while the console is open
 * (ConsoleScreen forgets them all when it goes away); a vault key never comes here: main injects it.
 */
export type SendState =
  | { phase: 'idle' }
  | { phase: 'sending'; requestId: string }
  | { phase: 'done'; response: ConsoleResponse }
  | { phase: 'failed'; failure: ApiFailure };

export interface OpenRequest {
  id: string;
  draft: Draft;
  typedKey: string;
  send: SendState;
  /** The saved request this tab edits (Save updates it); null: Save asks for a name and a place. */
  saved: { id: string; name: string } | null;
  /** The draft as opened or last saved: a tab whose draft differs has unsaved changes. */
  baseline: Draft;
  /** The draft the shown answer belongs to: once the draft differs, the answer is marked as old. */
  sentDraft: Draft | null;
  /** The environment it was sent with: choosing another one also makes the answer old. */
  sentEnvironmentId: string | null;
  /** Counts loads into the editor, so fields showing raw text re-read it. */
  loads: number;
}

interface ConsoleState extends OpenRequest {
  /** Every open tab, the active one included (its entry is refreshed when another tab is chosen). */
  tabs: OpenRequest[];
  testApi: TestApiStatus | null;
  editDraft: (change: Partial<Draft> | ((draft: Draft) => Partial<Draft>)) => void;
  setTypedKey: (key: string) => void;
  /** Into the active tab, or a new one when the active tab has unsaved changes. */
  loadRequest: (request: StoredRequest | ConsoleRequest, saved?: { id: string; name: string } | null) => void;
  newTab: () => void;
  selectTab: (id: string) => void;
  closeTab: (id: string) => void;
  forgetTypedKeys: () => void;
  sendRequest: (request: ConsoleRequestInput) => Promise<void>;
  cancel: () => Promise<void>;
  /** Save: the open saved request takes the edits. */
  saveOpen: (request: ConsoleRequestInput) => Promise<SavedRequest | ApiFailure>;
  /** Save as: a new saved request, which this tab then edits. */
  saveAs: (
    name: string,
    folderId: string | undefined,
    request: ConsoleRequestInput,
  ) => Promise<SavedRequest | ApiFailure>;
  loadTestApi: () => Promise<void>;
}

const FIELDS = [
  'id',
  'draft',
  'typedKey',
  'send',
  'saved',
  'baseline',
  'sentDraft',
  'sentEnvironmentId',
  'loads',
] as const;

function blankTab(): OpenRequest {
  const draft = emptyDraft();
  return {
    id: crypto.randomUUID(),
    draft,
    typedKey: '',
    send: { phase: 'idle' },
    saved: null,
    baseline: draft,
    sentDraft: null,
    sentEnvironmentId: null,
    loads: 0,
  };
}

const activeOf = (s: ConsoleState): OpenRequest =>
  Object.fromEntries(FIELDS.map((field) => [field, s[field]])) as unknown as OpenRequest;

/** The tabs with the active one's live fields written back. */
const tabsOf = (s: ConsoleState): OpenRequest[] => s.tabs.map((tab) => (tab.id === s.id ? activeOf(s) : tab));

/** Unsaved: the draft is not what was opened or saved (row ids included: a new row is a change). */
export const isDirty = (tab: Pick<OpenRequest, 'draft' | 'baseline'>): boolean =>
  JSON.stringify(tab.draft) !== JSON.stringify(tab.baseline);

/** The answer shown was for another version of the request. */
export const isStale = (
  tab: Pick<OpenRequest, 'draft' | 'sentDraft' | 'sentEnvironmentId'>,
  environmentId: string | null,
): boolean =>
  tab.sentDraft !== null &&
  (tab.sentEnvironmentId !== environmentId || JSON.stringify(tab.draft) !== JSON.stringify(tab.sentDraft));

const first = blankTab();

export const useConsole = create<ConsoleState>()((set, get) => ({
  ...first,
  tabs: [first],
  testApi: null,
  editDraft: (change) =>
    set((s) => ({ draft: { ...s.draft, ...(typeof change === 'function' ? change(s.draft) : change) } })),
  setTypedKey: (typedKey) => set({ typedKey }),
  loadRequest: (request, saved = null) => {
    const s = get();
    // The same saved request is already open in a tab: go there.
    const already = saved ? tabsOf(s).find((tab) => tab.saved?.id === saved.id) : undefined;
    if (already) return get().selectTab(already.id);
    if (isDirty(s) || s.send.phase === 'sending') get().newTab();
    const { draft, typedKey } = fromRequest(request);
    // Nothing of the previous request stays: its answer, its error, its typed key.
    set((now) => ({
      draft,
      typedKey,
      saved,
      baseline: draft,
      send: { phase: 'idle' },
      sentDraft: null,
      sentEnvironmentId: null,
      loads: now.loads + 1,
    }));
  },
  newTab: () => {
    const tab = blankTab();
    set((s) => ({ tabs: [...tabsOf(s), tab], ...tab }));
  },
  selectTab: (id) => {
    const s = get();
    const tabs = tabsOf(s);
    const target = tabs.find((tab) => tab.id === id);
    if (!target || id === s.id) return;
    set({ tabs, ...target });
  },
  closeTab: (id) => {
    const s = get();
    const tabs = tabsOf(s);
    const at = tabs.findIndex((tab) => tab.id === id);
    if (at === -1) return;
    const closing = tabs[at] as OpenRequest;
    if (closing.send.phase === 'sending') void client.console.cancel({ requestId: closing.send.requestId });
    const rest = tabs.filter((tab) => tab.id !== id);
    if (rest.length === 0) rest.push(blankTab());
    const next = id === s.id ? (rest[Math.min(at, rest.length - 1)] as OpenRequest) : activeOf(s);
    set({ tabs: rest, ...next });
  },
  forgetTypedKeys: () => set((s) => ({ typedKey: '', tabs: s.tabs.map((tab) => ({ ...tab, typedKey: '' })) })),
  sendRequest: async (request) => {
    if (get().send.phase === 'sending') return;
    const requestId = crypto.randomUUID();
    const tabId = get().id;
    const sentEnvironmentId = useConsoleLibrary.getState().environments.value.activeId;
    set((s) => ({ send: { phase: 'sending', requestId }, sentDraft: s.draft, sentEnvironmentId }));
    const result = await client.console.sendRequest({ requestId, request });
    const send: SendState = isFailure(result)
      ? { phase: 'failed', failure: result }
      : { phase: 'done', response: result };
    const stillWaiting = (state: SendState) => state.phase === 'sending' && state.requestId === requestId;
    set((s) => {
      // The answer goes to the tab that asked, even when another tab is shown now.
      if (s.id === tabId) return stillWaiting(s.send) ? { send } : {};
      return { tabs: s.tabs.map((tab) => (tab.id === tabId && stillWaiting(tab.send) ? { ...tab, send } : tab)) };
    });
    await useConsoleLibrary.getState().loadHistory();
  },
  cancel: async () => {
    const now = get().send;
    if (now.phase !== 'sending') return;
    await client.console.cancel({ requestId: now.requestId });
  },
  saveOpen: async (request) => {
    const open = get().saved;
    if (!open) throw new Error('saveOpen needs an open saved request; the screen asks for a name instead.');
    const draft = get().draft;
    const result = await client.console.updateSaved({ id: open.id, request });
    if (!isFailure(result)) set({ baseline: draft, saved: { id: result.id, name: result.name } });
    await useConsoleLibrary.getState().loadCollections();
    return result;
  },
  saveAs: async (name, folderId, request) => {
    const draft = get().draft;
    const result = await client.console.save({ name, request, ...(folderId ? { folderId } : {}) });
    if (!isFailure(result)) set({ baseline: draft, saved: { id: result.id, name: result.name } });
    await useConsoleLibrary.getState().loadCollections();
    if (!isFailure(result)) useConsoleLibrary.getState().expandTo(result.folderId);
    return result;
  },
  loadTestApi: async () => {
    const result = await client.testApi.status();
    set({ testApi: isFailure(result) ? null : result });
  },
}));
