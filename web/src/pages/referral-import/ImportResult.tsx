import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { importReport } from '../../../../src/contracts/referrals.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useFocusOnMount } from '../../components/useFocusOnMount.js';

/**
 * What an import did: each imported row's reference links to the referral.
 */
export const importAnswer = importReport;
export type ImportAnswer = z.infer<typeof importAnswer>;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function ImportResult({ report }: { report: ImportAnswer }): ReactNode {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  const rejected = report.rows.filter((r) => r.status === 'rejected');
  const imported = report.rows.filter((r) => r.status === 'imported');
  return (
    <section aria-labelledby="import-result-heading">
      <h2 className="nhsuk-heading-m" id="import-result-heading" tabIndex={-1} ref={ref}>
        Upload finished: {report.imported} imported, {report.rejected} rejected
      </h2>
      {report.rejected > 0 ? (
        <p className="nhsuk-body">
          {plural(report.rejected, 'row was', 'rows were')} not imported. Fix {report.rejected === 1 ? 'it' : 'them'}, remove the rows that were imported,
          then upload the file again.
        </p>
      ) : (
        <p className="nhsuk-body">Every row was imported.</p>
      )}
      {report.rows.length > 0 && <p className="nhsuk-body">Row numbers are line numbers in the file. The header is row 1.</p>}
      {rejected.length > 0 && (
        <ResponsiveTable
          caption="Rejected rows"
          headers={['Row', 'What to fix']}
          rows={rejected.map((row) => ({
            key: String(row.row),
            cells: [
              String(row.row),
              <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0" key="errors">
                {row.errors.map((error, index) => (
                  <li key={index}>
                    {error.field === '' ? '' : <code>{error.field}</code>}
                    {error.field === '' ? '' : ': '}
                    {error.message}
                  </li>
                ))}
              </ul>,
            ],
          }))}
        />
      )}
      {imported.length > 0 && (
        <ResponsiveTable
          caption="Imported rows"
          headers={['Row', 'Referral reference']}
          rows={imported.map((row) => ({
            key: String(row.row),
            cells: [String(row.row), row.id != null && row.reference !== null ? <Link to={`/referrals/${row.id}`}>{row.reference}</Link> : (row.reference ?? 'None')],
          }))}
        />
      )}
    </section>
  );
}
