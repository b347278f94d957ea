import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { NEED_PRIORITY_LABELS } from '../../../../src/contracts/casework-codes.js';
import type { Assessment, NeedDomain } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { formatDate } from '../referrals/labels.js';
import { assessmentsResponse, casePath, caseUrl } from './api.js';
import { AssessmentForm } from './AssessmentForm.js';
import { BackToCase } from './BackToCase.js';
import { useCaseOpen } from './useCaseOpen.js';

/** "What matters to me": a new version of the conversation, with the earlier ones below. */
export function AssessmentPage(): ReactNode {
  const { id = '' } = useParams();
  const [load] = useApi(`${casePath(id)}/assessments`, assessmentsResponse);
  const open = useCaseOpen(id);
  const back = <BackToCase to={caseUrl(id)} />;
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        {back}
        <PageHeading>What matters to me</PageHeading>
        <Loading />
      </>
    );
  }
  const { assessments, needDomains } = load.data;
  return (
    <>
      {back}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading>What matters to me</PageHeading>
          {open ? (
            <>
              <p className="nhsuk-body">Start with the person’s own words. Then open only the needs you talked about; the rest are left out.</p>
              <AssessmentForm referralId={id} needDomains={needDomains} latest={assessments[0] ?? null} />
            </>
          ) : (
            <p className="nhsuk-body">The case is closed, so what matters is shown read-only.</p>
          )}
          <History assessments={assessments} needDomains={needDomains} />
        </div>
      </div>
    </>
  );
}

function History({ assessments, needDomains }: { assessments: readonly Assessment[]; needDomains: readonly NeedDomain[] }): ReactNode {
  if (assessments.length === 0) return null;
  const label = (code: string): string => needDomains.find((d) => d.code === code)?.label ?? code;
  return (
    <section aria-labelledby="history-heading">
      <h2 className="nhsuk-heading-m" id="history-heading">
        Every version, newest first
      </h2>
      {assessments.map((a) => (
        <details className="nhsuk-details" key={a.id}>
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              Version {a.number}, {formatDate(a.assessedOn)}, by {a.createdBy}
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <p className="nhsuk-body lw-pre-line">{a.whatMatters}</p>
            {a.domains.map((d) => (
              <div key={d.domain}>
                <h3 className="nhsuk-heading-xs">
                  {label(d.domain)}: {NEED_PRIORITY_LABELS[d.priority]}
                </h3>
                {d.words !== '' && <p className="nhsuk-body lw-pre-line">In their words: {d.words}</p>}
                {d.strengths !== '' && <p className="nhsuk-body lw-pre-line">What they already have: {d.strengths}</p>}
              </div>
            ))}
          </div>
        </details>
      ))}
    </section>
  );
}
