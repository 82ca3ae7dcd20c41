import { SearchX } from 'lucide-react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { KeyFilters } from './KeyFilters';
import { DEFAULT_SORT, filterKeys, nextSort, sortKeys, type SortState, type StatusFilter } from './key-table-model';
import type { KeyRowActions } from './KeyRow';
import { KeysTable } from './KeysTable';

interface KeysPanelProps extends Omit<KeyRowActions, 'onJump'> {
  appName: string;
  keys: readonly IssuedKeySummary[];
}

/** The filters, the count and the (virtualised) table of an app's keys; "no keys match" when empty. */
export function KeysPanel({ appName, keys, onRotate, onRevoke }: KeysPanelProps) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  // A new object per jump, so following the same link twice scrolls again.
  const [highlight, setHighlight] = useState<{ id: string } | null>(null);
  // Typing stays responsive with 10,000 keys: the filtering catches up a frame later.
  const query = useDeferredValue(text);

  const byId = useMemo(() => new Map(keys.map((key) => [key.id, key])), [keys]);
  const rows = useMemo(() => sortKeys(filterKeys(keys, status, query), sort), [keys, status, query, sort]);

  const clearFilters = () => {
    setStatus('all');
    setText('');
  };
  const jumpTo = (id: string) => {
    if (!rows.some((row) => row.id === id)) clearFilters();
    setHighlight({ id });
  };

  return (
    <>
      <KeyFilters
        status={status}
        onStatus={setStatus}
        text={text}
        onText={setText}
        shown={rows.length}
        total={keys.length}
      />
      {rows.length === 0 ? (
        <EmptyState icon={SearchX} title="No keys match" action={<Button onClick={clearFilters}>Clear filters</Button>}>
          <p>No API key of {appName} matches this status and text.</p>
        </EmptyState>
      ) : (
        <KeysTable
          caption={`API keys of ${appName}`}
          rows={rows}
          byId={byId}
          sort={sort}
          onSort={(column) => setSort((current) => nextSort(current, column))}
          highlight={highlight}
          onRotate={onRotate}
          onRevoke={onRevoke}
          onJump={jumpTo}
        />
      )}
    </>
  );
}
