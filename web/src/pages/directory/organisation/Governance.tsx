import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { governance } from '../../../../../src/contracts/directory.js';
import { WarningCallout } from '../../../components/Callouts.js';
import { SummaryList } from '../../../components/SummaryList.js';
import { formatDate } from '../../referrals/labels.js';

/**
 * What a link worker checks about the group before sending someone: its legal form, quality
 * marks, safeguarding, insurance and DBS policy, and the warnings Linkwell worked out from them.
 */
type GovernanceView = z.infer<typeof governance>;

const LEGAL_FORMS = { incorporated: 'Incorporated (for example a charity or company)', unincorporated: 'Unincorporated group' } as const;

export function governanceRows(g: GovernanceView): { key: string; value: ReactNode }[] {
  return [
    { key: 'Legal form', value: g.legalForm === null ? 'Not recorded' : LEGAL_FORMS[g.legalForm] },
    { key: 'Quality marks', value: g.qualityMarks.length === 0 ? 'None recorded' : g.qualityMarks.join(', ') },
    { key: 'Safeguarding policy reviewed', value: g.safeguardingPolicyReviewedOn === null ? 'Not recorded' : formatDate(g.safeguardingPolicyReviewedOn) },
    { key: 'Insurance valid until', value: g.insuranceExpiresOn === null ? 'Not recorded' : formatDate(g.insuranceExpiresOn) },
    { key: 'DBS checks', value: g.dbsPolicy ?? 'Not recorded' },
  ];
}

export function GovernanceWarnings({ warnings }: { warnings: readonly string[] }): ReactNode {
  if (warnings.length === 0) return null;
  return (
    <WarningCallout heading="Check the group’s governance">
      <ul className="nhsuk-list nhsuk-list--bullet">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </WarningCallout>
  );
}

export function GovernanceSummary({ governance: g }: { governance: GovernanceView }): ReactNode {
  return (
    <>
      <GovernanceWarnings warnings={g.governanceWarnings} />
      <SummaryList rows={governanceRows(g)} />
    </>
  );
}
