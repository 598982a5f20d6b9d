/**
 * The one way the app draws a list as a table. On a wide screen it is a table;
 * on a phone every row becomes a card in which each cell shows under its
 * column's name (the `data-label` this component puts on every cell, drawn by
 * styles.css). Nothing is hidden for want of width: a column that did not fit
 * used to vanish, and with it the MCID column and row buttons.
 *
 * The explicit ARIA roles keep the table's meaning for screen readers when the
 * phone layout turns its rows into blocks (some browsers drop it then).
 */
import { Children, cloneElement, createContext, isValidElement, useContext, type ReactElement, type ReactNode } from "react";

export interface ListColumn {
  /** The column's name: its header, and the label of its cells on a phone. */
  label: string;
  /** A column of row actions: the header is read to screen readers but not drawn, and the cells carry no label. */
  actions?: boolean;
}

type Column = string | ListColumn;
const columnOf = (column: Column): ListColumn => (typeof column === "string" ? { label: column } : column);

const ColumnsContext = createContext<readonly ListColumn[]>([]);

export function ListTable({
  columns,
  className,
  empty,
  children,
  ...rest
}: {
  columns: readonly Column[];
  className?: string;
  /** Shown as the table's only row when it has none. */
  empty?: ReactNode;
  children: ReactNode;
  "data-testid"?: string;
  "aria-label"?: string;
}) {
  const resolved = columns.map(columnOf);
  const rows = Children.toArray(children);
  return (
    <ColumnsContext.Provider value={resolved}>
      <table className={`list${className ? ` ${className}` : ""}`} role="table" {...rest}>
        <thead role="rowgroup">
          <tr role="row">
            {resolved.map((column) => (
              <th key={column.label} scope="col" role="columnheader">
                {column.actions ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.length > 0
            ? rows
            : empty && (
                <tr role="row">
                  <td role="cell" colSpan={resolved.length} className="muted">
                    {empty}
                  </td>
                </tr>
              )}
        </tbody>
      </table>
    </ColumnsContext.Provider>
  );
}

type CellElement = ReactElement<{ "data-label"?: string; role?: string }>;

/**
 * One row: its children are the row's `<td>` (or a leading `<th scope="row">`) cells, in column order;
 * each is given its column's label.
 */
export function ListRow({ children, className, ...rest }: { children: ReactNode; className?: string; "data-site"?: string; "data-testid"?: string }) {
  const columns = useContext(ColumnsContext);
  const cells = Children.toArray(children).filter(isValidElement) as CellElement[];
  return (
    <tr role="row" className={className} {...rest}>
      {cells.map((cell, index) => {
        const column = columns[index];
        const header = typeof cell.type === "string" && cell.type === "th";
        return cloneElement(cell, {
          role: header ? "rowheader" : "cell",
          ...(column && !column.actions && { "data-label": column.label }),
        });
      })}
    </tr>
  );
}
