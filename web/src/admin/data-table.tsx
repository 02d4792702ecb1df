// The one table every admin list uses: a header row, a row per item (`data-id` = its key, so tests and
// styles find it), an optional actions cell at the end, and the empty state in place of an empty table.
import type { ReactNode } from 'react';
import { Empty, LoadState } from './ui';
import type { Loaded } from './use-load';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  /** The cells' class (`mono`, `admin-nowrap`, …). */
  className?: string;
}

interface DataTableProps<T> {
  rows: readonly T[];
  /** `false` entries are left out: a column only some callers see. */
  columns: readonly (Column<T> | false)[];
  rowKey(row: T): string | number;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** The last cell of each row (edit, delete, …); no actions column without it. */
  actions?: (row: T) => ReactNode;
  /** The row open in a form beside the table, highlighted. */
  selected?: (row: T) => boolean;
  /** Extra `data-*` attributes of a row. */
  rowData?: (row: T) => Record<`data-${string}`, string>;
}

export function DataTable<T>({ rows, columns, rowKey, empty, actions, selected, rowData }: DataTableProps<T>) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  const shown = columns.filter((c): c is Column<T> => c !== false);
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {shown.map((c, i) => (
              <th key={i}>{c.header}</th>
            ))}
            {actions && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-id={rowKey(row)} className={selected?.(row) ? 'admin-selected' : undefined} {...rowData?.(row)}>
              {shown.map((c, i) => (
                <td key={i} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
              {actions && <td className="admin-cell-actions">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A DataTable of what `state` loaded, after the loading and error states. */
export function LoadedTable<T>({ state, ...table }: Omit<DataTableProps<T>, 'rows'> & { state: Loaded<T[]> }) {
  return <LoadState state={state}>{(rows) => <DataTable rows={rows} {...table} />}</LoadState>;
}
