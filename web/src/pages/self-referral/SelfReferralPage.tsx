import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { publicScheme } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { ConfirmationPanel } from '../../components/ConfirmationPanel.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SelfReferralForm, type Receipt } from './SelfReferralForm.js';

/**
 * /refer-yourself/:slug, public. Once sent, the page shows the reference and nothing else
 * about anyone: the answers are not repeated back.
 */
export function SelfReferralPage(): ReactNode {
  const { slug = '' } = useParams();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  if (receipt !== null) return <Sent receipt={receipt} />;
  if (slug === '') return <NotAvailable />;
  return <SchemeForm slug={slug} onSent={setReceipt} />;
}

function SchemeForm({ slug, onSent }: { slug: string; onSent: (receipt: Receipt) => void }): ReactNode {
  const [scheme] = useApi(`/api/public/schemes/${encodeURIComponent(slug)}`, publicScheme);
  if (scheme.status === 'loading') return <Loading />;
  // 400: the address is not a possible scheme name; 404: no scheme by that name takes them.
  if (scheme.status === 'error') return scheme.problem.status === 404 || scheme.problem.status === 400 ? <NotAvailable /> : <ProblemPage problem={scheme.problem} />;
  if (!scheme.data.selfReferralEnabled) {
    return (
      <>
        <PageHeading>{`You cannot refer yourself to ${scheme.data.name} online`}</PageHeading>
        <p className="nhsuk-body">{scheme.data.name} is not taking referrals through this form at the moment.</p>
        <p className="nhsuk-body">Ask your GP practice, or someone else who supports you, to refer you.</p>
      </>
    );
  }
  return <SelfReferralForm slug={slug} scheme={scheme.data} onSent={onSent} />;
}

function NotAvailable(): ReactNode {
  return (
    <>
      <PageHeading>This form is not available</PageHeading>
      <p className="nhsuk-body">Check the web address is correct. If you followed a link, ask whoever gave it to you for a new one.</p>
      <p className="nhsuk-body">Your GP practice can also refer you.</p>
    </>
  );
}

function Sent({ receipt }: { receipt: Receipt }): ReactNode {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ConfirmationPanel heading="Referral sent">
          Your reference number
          <br />
          <strong className="lw-break">{receipt.reference}</strong>
        </ConfirmationPanel>
        <h2 className="nhsuk-heading-m">What happens next</h2>
        <p className="nhsuk-body">A link worker from {receipt.schemeName} will contact you to talk about what matters to you and what might help.</p>
        <p className="nhsuk-body">Keep your reference number. Give it to us if you get in touch about your referral.</p>
        <p className="nhsuk-body">If you need help before then, call 111. If someone’s life is at risk, call 999.</p>
      </div>
    </div>
  );
}
