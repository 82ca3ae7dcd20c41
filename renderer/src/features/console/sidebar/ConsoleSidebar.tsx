import { useEffect, useState } from 'react';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { CollectionsTree } from './CollectionsTree';
import { HistoryList } from './HistoryList';

/** The console's sidebar (issue 13): one filter over collections and history, collections above history. */
export function ConsoleSidebar() {
  const loadCollections = useConsoleLibrary((s) => s.loadCollections);
  const loadHistory = useConsoleLibrary((s) => s.loadHistory);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void loadCollections();
    void loadHistory();
  }, [loadCollections, loadHistory]);
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
