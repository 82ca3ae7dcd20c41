import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { EntryView } from '../../../../shared/domain/vault';
import { SortableHeaderCells } from '../../components/SortableHeaderCells';
import { useNow } from '../../lib/use-now';
import { FALLBACK_RECT, observeRectWithFallback } from '../../lib/virtual-rect';
import type { CopyNotice } from './copy-notice';
import type { EntrySort, EntrySortColumn } from './entry-table-model';
import { EntryRow, type EntryRowActions } from './EntryRow';
import { SelectAllBox } from './SelectAllBox';

/** Every row has this height (vaults.css), so the virtualizer never measures. */
export const ENTRY_ROW_HEIGHT = 52;
/** The sticky header row, inside the same scroll element as the rows. */
const HEADER_HEIGHT = 40;
const OVERSCAN = 6;

const HEADERS: ReadonlyArray<{ column: EntrySortColumn; label: string }> = [
  { column: 'name', label: 'Name' },
  { column: 'service', label: 'Service' },
  { column: 'scheme', label: 'Header scheme' },
  { column: 'tags', label: 'Tags' },
  { column: 'expires', label: 'Expires' },
  { column: 'updated', label: 'Updated' },
];
const COLUMN_COUNT = HEADERS.length + 2;

interface EntriesTableProps extends EntryRowActions {
  caption: string;
  rows: readonly EntryView[];
  sort: EntrySort;
  onSort: (column: EntrySortColumn) => void;
  selected: ReadonlySet<string>;
  onSelectAll: (selected: boolean) => void;
  locked: boolean;
  /** A read-only team member's vault: Edit and Delete are offered but disabled, with the reason. */
  readOnly: boolean;
  /** The latest Copy's notice: shown on the row it belongs to. */
  copyNotice: CopyNotice | null;
}

/**
 * A vault's entries, virtualised like the keys table: only the rows in view (plus a few) are in the
 * document, between two spacer rows, so 5,000 entries scroll as smoothly as ten.
 */
export function EntriesTable(props: EntriesTableProps) {
  const { caption, rows, sort, onSort, selected, onSelectAll, copyNotice, ...rowProps } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(30_000, rows);
  // No React Compiler here; the virtualizer's functions are meant to be read during render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ENTRY_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });

  const items = virtualizer.getVirtualItems();
  // Item offsets count from the top of the scroll element (header included); the spacers do not.
  const top = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const bottom = virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? HEADER_HEIGHT) - HEADER_HEIGHT);
  const selectedShown = rows.reduce((n, row) => (selected.has(row.id) ? n + 1 : n), 0);

  return (
    <div ref={scroller} className="table-frame entries-table" tabIndex={0} role="region" aria-label={caption}>
      <table className="table entries-table__table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="entries-table__select">
              <SelectAllBox shown={rows.length} selected={selectedShown} onChange={onSelectAll} />
            </th>
            <SortableHeaderCells
              headers={HEADERS}
              sort={sort}
              onSort={onSort}
              cellClass="entries-table__col"
              buttonClass="entries-sort"
            />
            <th scope="col" className="entries-table__col--actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="entries-table__spacer">
              <td colSpan={COLUMN_COUNT} style={{ height: top }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <EntryRow
                key={row.id}
                entry={row}
                now={now}
                rowIndex={item.index + 2}
                selected={selected.has(row.id)}
                copyNotice={copyNotice?.entryId === row.id ? copyNotice : null}
                {...rowProps}
              />
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="entries-table__spacer">
              <td colSpan={COLUMN_COUNT} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
