import type { ReactNode } from 'react';
import { WarningCallout } from '../../../components/Callouts.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { SummaryList } from '../../../components/SummaryList.js';
import type { ImportView } from './importView.js';

/** What an import did: counts, then each refused record with the reason, so it can be fixed at the source. */
export function ImportReport({ report }: { report: ImportView }): ReactNode {
  return (
    <section aria-labelledby="report-heading" data-testid="import-report">
      <h2 className="nhsuk-heading-m" id="report-heading">
        What the import did
      </h2>
      {report.status === 'failed' && (
        <WarningCallout heading="The import did not finish">
          <p>{report.error ?? 'No reason was given.'} Listings imported before it stopped are kept.</p>
        </WarningCallout>
      )}
      <SummaryList
        rows={[
          { key: 'Records read', value: String(report.read) },
          { key: 'New listings', value: String(report.created) },
          { key: 'Listings updated', value: String(report.updated) },
          { key: 'Unchanged', value: String(report.unchanged) },
          { key: 'Not imported', value: String(report.rejected.length) },
        ]}
      />
      {report.rejected.length > 0 && (
        <ResponsiveTable
          caption="Records not imported"
          headers={['Record', 'Id', 'Reason']}
          rows={report.rejected.map((r, index) => ({
            key: `${r.record}-${index}`,
            cells: [
              r.file === undefined ? String(r.record) : `${r.file}, line ${r.record}`,
              <span key="id" className="lw-break">
                {r.id ?? 'None'}
              </span>,
              r.reason,
            ],
          }))}
        />
      )}
      {report.warnings.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Imported with a caveat</h3>
          <ul className="nhsuk-list nhsuk-list--bullet" data-testid="import-warnings">
            {report.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
