import type { ReactNode } from 'react';
import type { TriageQueue } from '../../../../src/contracts/referrals.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { plural } from '../referrals/labels.js';

/** How many open cases each link worker has, to share the work fairly. */
export function Caseloads({ caseloads }: { caseloads: TriageQueue['caseloads'] }): ReactNode {
  if (caseloads.length === 0) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Caseloads</h2>
        <p className="nhsuk-body">There are no link workers in this scheme yet.</p>
      </>
    );
  }
  return (
    <ResponsiveTable
      caption="Caseloads"
      headers={['Link worker', 'Open cases']}
      rows={caseloads.map((c) => ({ key: c.linkWorkerId, cells: [c.name, plural(c.caseload, 'case', 'cases')] }))}
    />
  );
}
