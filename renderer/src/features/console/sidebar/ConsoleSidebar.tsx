import { useEffect, useState } from 'react';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { CollectionsTree } from './CollectionsTree';
import { HistoryList } from './HistoryList';

/** The console's sidebar (issue 13): one filter over collections and history, collections above history. */
export function ConsoleSidebar() {
  const [filter, setFilter] = useState('');
  // Once per window: afterwards every change made here reloads what it touched, and a change made
  // elsewhere (the command line, another window) arrives as data:changed (use-live-updates.ts).
  useEffect(() => {
    const library = useConsoleLibrary.getState();
    if (!library.collections.loaded) void library.loadCollections();
    if (!library.history.loaded) void library.loadHistory();
  }, []);
  return (
    <aside className="console-sidebar" aria-label="Collections and history">
      <label className="visually-hidden" htmlFor="console-filter">
        Filter collections and history
      </label>
      <input
        id="console-filter"
        type="search"
        className="text-field__input console-sidebar__filter"
        placeholder="Filter"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <CollectionsTree filter={filter} />
      <HistoryList filter={filter} />
    </aside>
  );
}
