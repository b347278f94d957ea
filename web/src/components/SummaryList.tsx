import type { ReactNode } from 'react';

/** An NHS.UK summary list: each row a key and its value. */
export interface SummaryRow {
  key: string;
  value: ReactNode;
}

export function SummaryList({ rows }: { rows: readonly SummaryRow[] }): ReactNode {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map((row) => (
        <div className="nhsuk-summary-list__row" key={row.key}>
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Lines of an address or similar, one under another; "Not recorded" when there are none. */
export function Lines({ lines, empty = 'Not recorded' }: { lines: readonly string[]; empty?: string }): ReactNode {
  if (lines.length === 0) return empty;
  return lines.map((line, index) => (
    <span key={index}>
      {index > 0 && <br />}
      {line}
    </span>
  ));
}
