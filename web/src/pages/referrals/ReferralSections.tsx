import type { ReactNode } from 'react';
import { CLOSURE_REASONS, REFERRAL_SOURCE_LABELS, URGENCY_LABELS } from '../../../../src/contracts/referral-codes.js';
import type { ReferralDetail } from '../../../../src/contracts/referrals.js';
import { Lines, SummaryList, type SummaryRow } from '../../components/SummaryList.js';
import { Tag } from '../../components/Tag.js';
import { WarningCallout } from '../../components/Callouts.js';
import { formatDate, labelFor, needLabels, statusTag, targetTag, waitingText, type Labelled } from './labels.js';

/** The read-only parts of the referral page, each a headed summary list. */
function Section({ id, heading, rows }: { id: string; heading: string; rows: SummaryRow[] }): ReactNode {
  return (
    <section>
      <h2 className="nhsuk-heading-m" id={id}>
        {heading}
      </h2>
      <SummaryList rows={rows} />
    </section>
  );
}

export function StatusSection({ detail }: { detail: ReferralDetail }): ReactNode {
  const rows: SummaryRow[] = [
    { key: 'Status', value: <Tag tag={statusTag(detail.status)} /> },
    { key: 'Reference', value: detail.reference },
    { key: 'Received', value: formatDate(detail.receivedAt) },
  ];
  if (detail.decisionReason !== null) rows.push({ key: 'Reason for the decision', value: detail.decisionReason });
  if (detail.closureReason !== null) rows.push({ key: 'Reason for closing', value: labelFor(CLOSURE_REASONS, detail.closureReason) });
  if (detail.outcomeSummary !== null) rows.push({ key: 'Outcome summary', value: detail.outcomeSummary });
  return <Section id="status-heading" heading="Status" rows={rows} />;
}

export function ReferralSection({ detail, needCategories }: { detail: ReferralDetail; needCategories: readonly Labelled[] }): ReactNode {
  return (
    <Section
      id="referral-heading"
      heading="Referral"
      rows={[
        { key: 'Source', value: REFERRAL_SOURCE_LABELS[detail.source] },
        { key: 'Urgency', value: URGENCY_LABELS[detail.urgency] },
        { key: 'Wants help with', value: <Lines lines={needLabels(detail.needs, needCategories)} empty="None given" /> },
        { key: 'Reason for referral', value: detail.reason },
        { key: 'What the person says', value: detail.personView ?? 'Not recorded' },
        { key: 'What the link worker should lead on', value: detail.leadOn ?? 'Not recorded' },
      ]}
    />
  );
}

export function RiskCallout({ riskInfo }: { riskInfo: string | null }): ReactNode {
  if (riskInfo === null || riskInfo.trim() === '') return null;
  return (
    <WarningCallout heading="Risk information" level={2}>
      <p className="nhsuk-body">{riskInfo}</p>
    </WarningCallout>
  );
}

export function ReferrerSection({ referrer }: { referrer: ReferralDetail['referrer'] }): ReactNode {
  return (
    <Section
      id="referrer-heading"
      heading="Referrer"
      rows={[
        { key: 'Name', value: referrer.name ?? 'Not recorded' },
        { key: 'Role', value: referrer.role ?? 'Not recorded' },
        { key: 'Organisation', value: referrer.organisationName ?? 'Not recorded' },
      ]}
    />
  );
}

export function LinkWorkerSection({ detail }: { detail: ReferralDetail }): ReactNode {
  const due =
    detail.firstContactDue === null ? (
      'No target set'
    ) : (
      <>
        {formatDate(detail.firstContactDue)} {detail.firstContactTarget !== null && <Tag tag={targetTag(detail.firstContactTarget)} />}
      </>
    );
  return (
    <Section
      id="link-worker-heading"
      heading="Link worker and first contact"
      rows={[
        { key: 'First contact due', value: due },
        { key: 'Waiting', value: waitingText(detail.waitingWorkingDays) },
        { key: 'Link worker', value: detail.linkWorker?.name ?? 'Not allocated yet' },
      ]}
    />
  );
}
