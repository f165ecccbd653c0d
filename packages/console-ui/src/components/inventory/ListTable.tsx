import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

export interface ListTableProps<T> {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  empty: string;
  /** Rows rendered at most (software lists run to thousands); the rest is counted. */
  limit?: number;
}

/** A compact table for one inventory list; every cell renders agent text through SafeText in its column. */
export function ListTable<T>({ caption, rows, columns, empty, limit = 500 }: ListTableProps<T>) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const shown = rows.slice(0, limit);
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.header} className={c.className}>
                {c.header}
              </th>
            ))}
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
      {rows.length > shown.length && (
        <p className="muted" data-testid="list-truncated">
          Showing {shown.length} of {rows.length}.
        </p>
      )}
    </div>
  );
}
