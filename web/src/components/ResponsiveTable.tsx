import type { ReactNode } from 'react';

/**
 * An NHS.UK responsive table: on narrow screens each row becomes a block with the column name
 * beside each value, so a 320 px screen never scrolls sideways. The explicit ARIA roles keep
 * the table's meaning for screen readers once CSS changes how it is displayed.
 */
export interface TableRow {
  key: string;
  cells: ReactNode[];
}

interface Props {
  caption: ReactNode;
  headers: readonly string[];
  rows: readonly TableRow[];
  /** Whether the first cell names the row (a th with scope row). */
  rowHeader?: boolean;
}

export function ResponsiveTable({ caption, headers, rows, rowHeader = true }: Props): ReactNode {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {headers.map((header) => (
            <th className="nhsuk-table__header" scope="col" role="columnheader" key={header}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" role="row" key={row.key}>
            {row.cells.map((cell, index) => {
              const heading = (
                <span className="nhsuk-table__heading" aria-hidden="true">
                  {headers[index] ?? ''}{' '}
                </span>
              );
              return rowHeader && index === 0 ? (
                <th className="nhsuk-table__header" scope="row" role="rowheader" key={index}>
                  {heading}
                  <span className="lw-cell">{cell}</span>
                </th>
              ) : (
                <td className="nhsuk-table__cell" role="cell" key={index}>
                  {heading}
                  <span className="lw-cell">{cell}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
