import { SearchX } from 'lucide-react';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { KeyFilters } from './KeyFilters';
import { useNow } from '../../lib/use-now';
import { useNavigation } from '../../stores/navigation-store';
import {
  DEFAULT_SORT,
  filterKeys,
  isEndedForGood,
  nextSort,
  sortKeys,
  type SortState,
  type StatusFilter,
} from './key-table-model';
import type { KeyRowActions } from './KeyRow';
import { KeysTable } from './KeysTable';

interface KeysPanelProps extends Omit<KeyRowActions, 'onJump'> {
  appName: string;
  keys: readonly IssuedKeySummary[];
}

/** The filters, the count and the (virtualised) table of an app's keys; "no keys match" when empty. */
export function KeysPanel({ appName, keys, onRotate, onRevoke, onOpen }: KeysPanelProps) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  // The time the hidden set is judged at, kept current as the table's relative times are.
  const now = useNow(30_000, keys);
  // Back from a key's page: its row comes into view with focus, shown even when it is an ended key.
  const [returnTo] = useState(() => useNavigation.getState().returnToKey);
  const [showEnded, setShowEnded] = useState(() => {
    const target = returnTo === null ? undefined : keys.find((key) => key.id === returnTo);
    return target !== undefined && isEndedForGood(target, now);
  });
  // A new object per jump, so following the same link twice scrolls again.
  const [highlight, setHighlight] = useState<{ id: string } | null>(returnTo === null ? null : { id: returnTo });
  useEffect(() => {
    if (returnTo !== null) useNavigation.setState({ returnToKey: null });
  }, [returnTo]);
  // Typing stays responsive with 10,000 keys: the filtering catches up a frame later.
  const query = useDeferredValue(text);

  const byId = useMemo(() => new Map(keys.map((key) => [key.id, key])), [keys]);
  const endedCount = useMemo(() => keys.filter((key) => isEndedForGood(key, now)).length, [keys, now]);
  const rows = useMemo(
    () => sortKeys(filterKeys(keys, status, query, { showEnded, now }), sort),
    [keys, status, query, sort, showEnded, now],
  );

  const clearFilters = () => {
    setStatus('all');
    setText('');
  };
  const jumpTo = (id: string) => {
    if (!rows.some((row) => row.id === id)) {
      clearFilters();
      setShowEnded(true);
    }
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
        showEnded={showEnded}
        onShowEnded={setShowEnded}
        endedCount={endedCount}
      />
      {rows.length === 0 ? (
        <EmptyState icon={SearchX} title="No keys match" action={<Button onClick={clearFilters}>Clear filters</Button>}>
          <p>
            No API key of {appName} matches this status and text
            {!showEnded && endedCount > 0 ? ' (revoked and rotated keys are hidden)' : ''}.
          </p>
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
          onOpen={onOpen}
          onJump={jumpTo}
        />
      )}
    </>
  );
}
