import type { SearchResult } from '../../../../shared/domain/search';
import { client, isFailure } from '../../api/client';
import { useConsole } from '../../stores/console-store';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { useNavigation } from '../../stores/navigation-store';

/** What one action did: a notice to show in the palette, or null when it took the user elsewhere. */
export type ActionOutcome = { tone: 'done' | 'failed'; text: string } | null;

export interface SearchAction {
  label: string;
  /** The key that runs it from the search field, as shown: "Enter", "Shift+Enter", "Alt+Enter". */
  keys: 'Enter' | 'Shift+Enter' | 'Alt+Enter' | 'Ctrl+Enter';
  /** True when the action leaves the search (opens a screen); false when it stays (copy). */
  leaves: boolean;
  run: () => Promise<ActionOutcome>;
}

const navigation = () => useNavigation.getState();

async function copy(
  result: Extract<SearchResult, { kind: 'entry' }>,
  format: 'value' | 'header',
): Promise<ActionOutcome> {
  const copied = await client.entries.copy({ entryId: result.entryId, format });
  // LOCKED names the vault and what to do; the page never held the key either way.
  if (isFailure(copied)) return { tone: 'failed', text: copied.message };
  const what = format === 'header' ? `${result.name} as a header line` : result.name;
  return { tone: 'done', text: `Copied ${what}. The clipboard will be cleared in ${copied.clearsAfterSeconds} s.` };
}

async function openSaved(savedId: string): Promise<ActionOutcome> {
  const library = useConsoleLibrary.getState();
  await library.loadCollections();
  const { collections } = useConsoleLibrary.getState();
  const saved = collections.value.saved.find((request) => request.id === savedId);
  if (!saved)
    return { tone: 'failed', text: collections.error?.message ?? 'This saved request was deleted meanwhile.' };
  library.expandTo(saved.folderId);
  useConsole.getState().loadRequest(saved.request, { id: saved.id, name: saved.name });
  navigation().goToConsole();
  return null;
}

const leave = (go: () => void) => async (): Promise<ActionOutcome> => (go(), null);

/** The actions of a result, the first being what Enter does. */
export function actionsFor(result: SearchResult): SearchAction[] {
  switch (result.kind) {
    case 'app':
      return [{ label: 'Open', keys: 'Enter', leaves: true, run: leave(() => navigation().openApp(result.appId)) }];
    case 'key':
      return [
        {
          label: 'Open key page',
          keys: 'Enter',
          leaves: true,
          run: leave(() => navigation().openKey(result.appId, result.id)),
        },
      ];
    case 'entry':
      return [
        { label: 'Copy', keys: 'Enter', leaves: false, run: () => copy(result, 'value') },
        { label: 'Copy as header', keys: 'Shift+Enter', leaves: false, run: () => copy(result, 'header') },
        {
          label: 'Open',
          keys: 'Alt+Enter',
          leaves: true,
          run: leave(() => navigation().openEntry(result.vaultId, result.entryId)),
        },
        {
          label: 'Test in console',
          keys: 'Ctrl+Enter',
          leaves: true,
          run: leave(() => navigation().goToConsole(result.entryId)),
        },
      ];
    case 'request':
      return [{ label: 'Open in console', keys: 'Enter', leaves: true, run: () => openSaved(result.savedId) }];
  }
}

/** The action a key press in the search field asks for, if any. */
export function actionForKey(
  actions: readonly SearchAction[],
  event: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean },
): SearchAction | undefined {
  if (event.key !== 'Enter') return undefined;
  const keys =
    event.ctrlKey || event.metaKey
      ? 'Ctrl+Enter'
      : event.altKey
        ? 'Alt+Enter'
        : event.shiftKey
          ? 'Shift+Enter'
          : 'Enter';
  return actions.find((action) => action.keys === keys);
}
