import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { SortableHeaderCells } from '../../components/SortableHeaderCells';
import { useNow } from '../../lib/use-now';
import { FALLBACK_RECT, observeRectWithFallback } from '../../lib/virtual-rect';
import { type SortColumn, type SortState } from './key-table-model';
import { KeyRow, type KeyRowActions } from './KeyRow';

/**
 * Every row has this height, so the virtualizer never needs to measure: keys.css sets it, and every cell
 * fits it (one line, or short lines of fixed height that never wrap; see KeyRow).
 */
export const KEY_ROW_HEIGHT = 60;
/** The sticky header row above the rows, inside the same scroll element. */
const HEADER_HEIGHT = 40;
const OVERSCAN = 6;

const HEADERS: ReadonlyArray<{ column: SortColumn; label: string }> = [
  { column: 'name', label: 'Name' },
  { column: 'key', label: 'Key' },
  { column: 'scopes', label: 'Scopes' },
  { column: 'created', label: 'Created' },
  { column: 'expires', label: 'Expires' },
  { column: 'lastUsed', label: 'Last used' },
  { column: 'status', label: 'Status' },
];
const COLUMN_COUNT = HEADERS.length + 1;

interface KeysTableProps extends KeyRowActions {
  caption: string;
  rows: readonly IssuedKeySummary[];
  byId: ReadonlyMap<string, IssuedKeySummary>;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  /** A row to bring into view, focus and mark, e.g. the other end of a rotation link. */
  highlight: { id: string } | null;
}

/**
 * The keys table, virtualised: only the rows in view (plus a few) are in the document, between two
 * spacer rows, so 10,000 keys scroll as smoothly as ten. Headers sort (aria-sort on the sorted one).
 */
export function KeysTable({ caption, rows, byId, sort, onSort, highlight, ...actions }: KeysTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(30_000, rows);
  // No React Compiler here; the virtualizer's functions are meant to be read during render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => KEY_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });

  useEffect(() => {
    if (highlight === null) return;
    const index = rows.findIndex((row) => row.id === highlight.id);
    if (index === -1) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const frame = requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-key-id="${CSS.escape(highlight.id)}"]`)?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [highlight, rows, virtualizer]);

  const items = virtualizer.getVirtualItems();
  // Item offsets count from the top of the scroll element (header included); the spacers do not.
  const top = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const bottom = virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? HEADER_HEIGHT) - HEADER_HEIGHT);

  return (
    <div ref={scroller} className="table-frame keys-table" tabIndex={0} role="region" aria-label={caption}>
      <table className="table keys-table__table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <SortableHeaderCells
              headers={HEADERS}
              sort={sort}
              onSort={onSort}
              cellClass="keys-table__col"
              buttonClass="sort-button"
            />
            <th scope="col" className="keys-table__col--actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="keys-table__spacer">
              <td colSpan={COLUMN_COUNT} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <KeyRow
                key={row.id}
                row={row}
                byId={byId}
                now={now}
                rowIndex={item.index + 2}
                highlighted={row.id === highlight?.id}
                {...actions}
              />
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="keys-table__spacer">
              <td colSpan={COLUMN_COUNT} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
