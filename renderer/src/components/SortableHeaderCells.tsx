import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';

export type SortDirection = 'ascending' | 'descending';

interface SortableHeaderCellsProps<C extends string> {
  headers: ReadonlyArray<{ column: C; label: string }>;
  sort: { column: C; direction: SortDirection };
  onSort: (column: C) => void;
  /** Each cell gets `${cellClass}--${column}` (the table's column widths). */
  cellClass: string;
  /** The sort button's class, and its icon's (`${buttonClass}__icon`, `--active` when sorted). */
  buttonClass: string;
}

/**
 * The sortable `<th>` cells of a virtualised table (keys, vault entries): one button per column,
 * `aria-sort` on the sorted one, and an icon saying which way.
 */
export function SortableHeaderCells<C extends string>({
  headers,
  sort,
  onSort,
  cellClass,
  buttonClass,
}: SortableHeaderCellsProps<C>) {
  return headers.map(({ column, label }) => {
    const active = sort.column === column;
    const Icon = !active ? ArrowUpDown : sort.direction === 'ascending' ? ArrowUp : ArrowDown;
    const iconClass = `${buttonClass}__icon`;
    return (
      <th
        key={column}
        scope="col"
        aria-sort={active ? sort.direction : undefined}
        className={`${cellClass}--${column}`}
      >
        <button type="button" className={buttonClass} onClick={() => onSort(column)}>
          {label}
          <Icon size={14} aria-hidden="true" className={active ? `${iconClass} ${iconClass}--active` : iconClass} />
        </button>
      </th>
    );
  });
}
