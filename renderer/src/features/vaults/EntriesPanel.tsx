import { Search, SearchX } from 'lucide-react';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { EntryView, VaultSummary } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { CopyAnnouncer } from './CopyFeedback';
import { EntriesTable } from './EntriesTable';
import { DEFAULT_ENTRY_SORT, filterEntries, nextEntrySort, sortEntries, type EntrySort } from './entry-table-model';
import type { EntryRowActions } from './EntryRow';
import { useCopyEntry } from './use-copy-entry';

interface EntriesPanelProps extends Omit<EntryRowActions, 'onCopy' | 'onSelect'> {
  vault: VaultSummary;
  entries: readonly EntryView[];
  selected: ReadonlySet<string>;
  onSelectionChange: (ids: readonly string[], selected: boolean) => void;
}

const count = (n: number) => n.toLocaleString('en');

/** Search, the "N of M entries" count, and the table (Copy reports on the row); "no entries match" when empty. */
export function EntriesPanel({ vault, entries, selected, onSelectionChange, ...actions }: EntriesPanelProps) {
  const searchId = useId();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<EntrySort>(DEFAULT_ENTRY_SORT);
  // Typing stays responsive with 5,000 entries: the filtering catches up a frame later.
  const query = useDeferredValue(text);
  const rows = useMemo(() => sortEntries(filterEntries(entries, query), sort), [entries, query, sort]);
  const { notice, copy } = useCopyEntry();

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
      <CopyAnnouncer notice={notice} />
      {rows.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No entries match"
          action={<Button onClick={() => setText('')}>Clear search</Button>}
        >
          <p>No entry of {vault.name} has this text in its name, service, tags, notes or base URL.</p>
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
          copyNotice={notice}
          locked={vault.locked}
          {...actions}
        />
      )}
    </div>
  );
}
