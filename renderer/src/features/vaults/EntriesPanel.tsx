import { Search, SearchX } from 'lucide-react';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { CopyAnnouncer } from './CopyFeedback';
import { EntriesTable } from './EntriesTable';
import {
  applyFilters,
  countFavorites,
  countTags,
  describeFilters,
  effectiveFilters,
  hasFilters,
  NO_FILTERS,
  type EntryFilters,
} from './entry-filters';
import { DEFAULT_ENTRY_SORT, filterEntries, nextEntrySort, sortEntries, type EntrySort } from './entry-table-model';
import { EntryFilterBar } from './EntryFilterBar';
import type { EntryRowActions } from './EntryRow';
import { useCopyEntry } from './use-copy-entry';
import { useFavoriteToggle } from './use-favorite-toggle';

interface EntriesPanelProps extends Omit<EntryRowActions, 'onCopy' | 'onSelect' | 'onFavorite'> {
  vault: VaultSummary;
  entries: readonly EntryView[];
  selected: ReadonlySet<string>;
  onSelectionChange: (ids: readonly string[], selected: boolean) => void;
}

const count = (n: number) => n.toLocaleString('en');

/** The empty state's button clears search and filters alike; its name says which are on. */
function clearLabel(searching: boolean, filters: EntryFilters): string {
  if (!hasFilters(filters)) return 'Clear search';
  return searching ? 'Clear search and filters' : 'Clear filters';
}

/** What the empty table says did not match: the search text, the filters, or both. */
function noMatchText(vaultName: string, searching: boolean, filters: EntryFilters): string {
  const text = `has this text in its name, service, tags, notes or base URL`;
  const filtered = `matches every filter: ${describeFilters(filters)}`;
  const what = !hasFilters(filters) ? text : searching ? `${text} and ${filtered}` : filtered;
  return `No entry of ${vaultName} ${what}.`;
}

/**
 * Search, the filter chips, the "N of M entries" count, and the table (Copy reports on the row); "no
 * entries match" when empty. Search and filters both narrow the list; the chosen sort orders what is left.
 */
export function EntriesPanel({ vault, entries, selected, onSelectionChange, ...actions }: EntriesPanelProps) {
  const searchId = useId();
  const search = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<EntrySort>(DEFAULT_ENTRY_SORT);
  const [chosen, setChosen] = useState<EntryFilters>(NO_FILTERS);
  const tags = useMemo(() => countTags(entries), [entries]);
  const favorites = useMemo(() => countFavorites(entries), [entries]);
  const filters = effectiveFilters(chosen, tags);
  // Typing stays responsive with 5,000 entries: the filtering catches up a frame later.
  const query = useDeferredValue(text);
  const rows = useMemo(
    () => sortEntries(applyFilters(filterEntries(entries, query), filters), sort),
    [entries, query, filters, sort],
  );
  const { notice, copy } = useCopyEntry();
  const favorite = useFavoriteToggle();

  const clearAll = () => {
    setText('');
    setChosen(NO_FILTERS);
    // The empty state and its button go: the search field is where the next try starts.
    search.current?.focus();
  };

  return (
    <div className="entries-panel">
      <div className="entries-panel__bar">
        <div className="text-field entries-panel__search">
          <label htmlFor={searchId} className="text-field__label">
            Search entries
          </label>
          <span className="entries-panel__search-box">
            <Search size={16} aria-hidden="true" className="entries-panel__search-icon" />
            <input
              ref={search}
              id={searchId}
              type="search"
              className="text-field__input"
              placeholder="Name, service, tag, notes or URL"
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </span>
        </div>
        <p role="status" className="entries-panel__count">
          {count(rows.length)} of {count(entries.length)} {entries.length === 1 ? 'entry' : 'entries'}
          {selected.size > 0 ? ` · ${count(selected.size)} selected` : ''}
        </p>
      </div>
      <EntryFilterBar tags={tags} favorites={favorites} filters={filters} onChange={setChosen} />
      <CopyAnnouncer notice={notice} />
      {favorite.failure ? (
        <Banner
          tone="danger"
          title={`Keyhaven could not ${favorite.failure.favorite ? 'star' : 'unstar'} ${favorite.failure.entryName}`}
          action={
            <Button size="sm" variant="ghost" onClick={favorite.dismiss}>
              Dismiss
            </Button>
          }
        >
          <p>{favorite.failure.message}</p>
        </Banner>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No entries match"
          action={<Button onClick={clearAll}>{clearLabel(query.trim() !== '', filters)}</Button>}
        >
          <p>{noMatchText(vault.name, query.trim() !== '', filters)}</p>
        </EmptyState>
      ) : (
        <EntriesTable
          caption={`Entries of ${vault.name}`}
          rows={rows}
          sort={sort}
          onSort={(column) => setSort((current) => nextEntrySort(current, column))}
          selected={selected}
          onSelect={(id, on) => onSelectionChange([id], on)}
          onSelectAll={(on) =>
            onSelectionChange(
              rows.map((row) => row.id),
              on,
            )
          }
          onCopy={(entry, format) => void copy(entry, format)}
          onFavorite={(entry, on) => void favorite.toggle(entry, on)}
          copyNotice={notice}
          locked={vault.locked}
          readOnly={vault.team?.readOnly === true}
          {...actions}
        />
      )}
    </div>
  );
}
