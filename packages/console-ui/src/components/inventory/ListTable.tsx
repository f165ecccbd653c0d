import { useMemo, useState, type ReactNode } from 'react';
import { compareValues, nextSort, type SortState } from '../../format/table-sort.js';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
  /** What the column sorts by; columns without one are not sortable. */
  value?: (row: T) => string | number | null | undefined;
}

export interface ListTableProps<T> {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  empty: string;
  /** Rows per page (software lists run to thousands); "Show more" adds a page, the total is always stated. */
  limit?: number;
}

/**
 * The console's inventory table: sticky header, sortable columns (click a header; again reverses),
 * paged with the total stated ("Showing 200 of 848"). Every cell renders agent text through
 * SafeText in its column.
 */
export function ListTable<T>({ caption, rows, columns, empty, limit = 200 }: ListTableProps<T>) {
  const [sort, setSort] = useState<SortState | null>(null);
  const [shownCount, setShownCount] = useState(limit);
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.header === sort.column) : undefined;
    if (!sort || !column?.value) return rows;
    const value = column.value;
    return [...rows].sort((a, b) => compareValues(value(a), value(b)) * (sort.direction === 'asc' ? 1 : -1));
  }, [rows, columns, sort]);
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const shown = sorted.slice(0, shownCount);
  return (
    <div className="table-wrap table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.column === c.header ? sort.direction : undefined;
              return (
                <th scope="col" key={c.header} className={c.className} aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}>
                  {c.value ? (
                    <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.header))}>
                      {c.header}
                      <span className="sort-mark" aria-hidden="true">
                        {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            <tr key={index}>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-count muted" data-testid="list-count">
        Showing {shown.length} of {rows.length}
        {rows.length > shown.length && (
          <>
            {' '}
            <button type="button" className="button button-quiet" data-testid="list-more" onClick={() => setShownCount((n) => n + limit)}>
              Show {Math.min(limit, rows.length - shown.length)} more
            </button>
            <button type="button" className="button button-quiet" onClick={() => setShownCount(rows.length)}>
              Show all
            </button>
          </>
        )}
      </p>
    </div>
  );
}
