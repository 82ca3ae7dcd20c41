import { useCombobox } from 'downshift';
import { AppWindow, FileText, KeyRound, Lock, LockKeyhole, type LucideIcon } from 'lucide-react';
import { useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../../../shared/domain/search';
import { Dialog } from '../../components/Dialog';
import { ALT_MODIFIER, PRIMARY_MODIFIER } from '../../lib/shortcut-label';
import { actionForKey, actionsFor, type ActionOutcome, type SearchAction } from './search-actions';
import { useSearchResults } from './use-search-results';
import './search.css';

const KIND: Record<SearchResult['kind'], { group: string; icon: LucideIcon }> = {
  app: { group: 'Apps', icon: AppWindow },
  key: { group: 'API keys', icon: KeyRound },
  entry: { group: 'Vault entries', icon: LockKeyhole },
  request: { group: 'Saved requests', icon: FileText },
};

/** Results come from main grouped by kind; each keeps its index in the flat list Downshift moves through. */
function groupsOf(results: readonly SearchResult[]) {
  const groups: { kind: SearchResult['kind']; members: { result: SearchResult; index: number }[] }[] = [];
  results.forEach((result, index) => {
    const last = groups.at(-1);
    if (last?.kind === result.kind) last.members.push({ result, index });
    else groups.push({ kind: result.kind, members: [{ result, index }] });
  });
  return groups;
}

const FIELD_ID = 'search-field';

const PART_NAMES = { vaults: 'vault entries (vaults.json)', console: 'saved requests (console.json)' } as const;

/** What a result says under its name: where it is, and its state. */
function detailOf(result: SearchResult): string {
  switch (result.kind) {
    case 'app':
      return `${result.keyPrefix}_… · ${result.activeKeyCount} active ${result.activeKeyCount === 1 ? 'key' : 'keys'}`;
    case 'key':
      return `${result.appName} · ${result.label} · ${result.status.replace('_', ' ')}`;
    case 'entry':
      return [result.vaultName, result.service, ...result.tags.map((tag) => `#${tag}`)].join(' · ');
    case 'request':
      return `${result.method} ${result.url}${result.folder ? ` · ${result.folder}` : ''}`;
  }
}

function resultKey(result: SearchResult): string {
  switch (result.kind) {
    case 'app':
      return `app-${result.appId}`;
    case 'key':
      return `key-${result.id}`;
    case 'entry':
      return `entry-${result.entryId}`;
    case 'request':
      return `request-${result.savedId}`;
  }
}

/** The same keys as aria-keyshortcuts names them (Ctrl and ⌘ both work). */
const ARIA_KEYS: Record<SearchAction['keys'], string> = {
  Enter: 'Enter',
  'Shift+Enter': 'Shift+Enter',
  'Alt+Enter': 'Alt+Enter',
  'Ctrl+Enter': 'Control+Enter Meta+Enter',
};

const keysLabel = (keys: SearchAction['keys']) =>
  keys.replace('Ctrl', PRIMARY_MODIFIER).replace('Alt', ALT_MODIFIER).replace('Shift', '⇧');

/**
 * One search across everything (issue 14, Ctrl/⌘+K): a combobox over apps, keys, vault entries and
 * saved requests, found in main. Enter runs the highlighted result's first action; the others have
 * their own keys and buttons below the list. Copying keeps the search open, with its outcome in view.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  const state = useSearchResults(query);
  const answer = state.kind === 'done' ? state.answer : state.kind === 'searching' ? state.previous : null;
  const results = answer?.results ?? [];

  const run = async (action: SearchAction) => {
    setOutcome(null);
    const done = await action.run();
    if (action.leaves && done === null) return onClose();
    setOutcome(done);
    // Back to the field after a button: the next key goes on searching or runs the next action.
    document.getElementById(FIELD_ID)?.focus();
  };

  const combobox = useCombobox<SearchResult>({
    items: results,
    inputValue: query,
    isOpen: true,
    defaultHighlightedIndex: 0,
    itemToString: (item) => item?.name ?? '',
    // Choosing runs an action (see run); it never replaces what was typed, not even when focus moves to
    // an action button (Downshift selects the highlighted item on blur).
    stateReducer: (state, { type, changes }) =>
      type === useCombobox.stateChangeTypes.InputBlur ||
      type === useCombobox.stateChangeTypes.ItemClick ||
      type === useCombobox.stateChangeTypes.InputKeyDownEnter
        ? {
            ...changes,
            inputValue: state.inputValue,
            selectedItem: state.selectedItem,
            highlightedIndex: state.highlightedIndex,
          }
        : changes,
    onInputValueChange: ({ inputValue }) => {
      setQuery(inputValue);
      setOutcome(null);
    },
  });
  const highlighted = results[combobox.highlightedIndex] ?? null;
  const actions = highlighted ? actionsFor(highlighted) : [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const action = actionForKey(actions, event);
    if (!action) return;
    // Downshift would select the item and put its name in the field; the action runs instead.
    (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
    event.preventDefault();
    void run(action);
  };

  return (
    <Dialog title="Search Keyhaven" onClose={onClose} size="lg" initialFocus={() => document.getElementById(FIELD_ID)}>
      <div className="search">
        <label {...combobox.getLabelProps({ className: 'search__label' })}>
          Apps, API keys, vault entries and saved requests
        </label>
        <input
          {...combobox.getInputProps({
            id: FIELD_ID,
            className: 'search__field',
            onKeyDown,
            placeholder: 'Type a name, a key label, a tag or a URL',
          })}
          autoComplete="off"
          spellCheck={false}
        />
        <ul {...combobox.getMenuProps({ className: 'search__list' })}>
          {groupsOf(results).map(({ kind, members }) => {
            const { group, icon: Icon } = KIND[kind];
            const headingId = `search-group-${kind}`;
            // One group per kind, named by its heading, so a screen reader says "Vault entries" as a
            // sighted user reads it; each option's name is what it shows.
            return (
              <li key={kind} role="group" aria-labelledby={headingId}>
                <div id={headingId} className="search__group">
                  {group}
                </div>
                <ul role="none" className="search__members">
                  {members.map(({ result, index }) => (
                    <li
                      key={resultKey(result)}
                      {...combobox.getItemProps({ item: result, index, className: 'search__result' })}
                      onClick={() => void run(actionsFor(result)[0]!)}
                    >
                      <Icon size={16} aria-hidden="true" className="search__icon" />
                      <span className="search__text">
                        <span className="search__name">{result.name}</span>{' '}
                        <span className="search__detail">{detailOf(result)}</span>
                      </span>
                      {result.kind === 'entry' && result.locked ? (
                        <>
                          {' '}
                          <span className="search__locked">
                            <Lock size={14} aria-hidden="true" />
                            Locked
                          </span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
        <SearchStatus state={state} query={query} />
        {answer && answer.unavailable.length > 0 ? (
          <p className="search__unavailable" role="status">
            Not searched: {answer.unavailable.map((part) => PART_NAMES[part]).join(' and ')} could not be opened. The
            banner at the top says what to do.
          </p>
        ) : null}
        {highlighted ? (
          <div className="search__actions" aria-label={`Actions for ${highlighted.name}`} role="group">
            {actions.map((action) => (
              <button
                key={action.label}
                type="button"
                className="search__action"
                aria-keyshortcuts={ARIA_KEYS[action.keys]}
                onClick={() => void run(action)}
              >
                {action.label}
                <kbd aria-hidden="true">{keysLabel(action.keys)}</kbd>
              </button>
            ))}
          </div>
        ) : null}
        <p className={`search__outcome search__outcome--${outcome?.tone ?? 'none'}`} role="status">
          {outcome?.text ?? ''}
        </p>
      </div>
    </Dialog>
  );
}

function SearchStatus({ state, query }: { state: ReturnType<typeof useSearchResults>; query: string }) {
  let text = '';
  if (state.kind === 'idle')
    text = 'Search by name, key label (pyas_n58l…), tag or URL. Locked vaults are searched by their entries’ names.';
  else if (state.kind === 'failed') text = state.message;
  else if (state.kind === 'done' && state.answer.results.length === 0) text = `Nothing matches “${query.trim()}”.`;
  else if (state.kind === 'done') {
    const count = state.answer.results.length;
    text = `${count} ${count === 1 ? 'result' : 'results'}.`;
  }
  return (
    <p className={`search__status${state.kind === 'failed' ? ' search__status--failed' : ''}`} role="status">
      {text}
    </p>
  );
}
