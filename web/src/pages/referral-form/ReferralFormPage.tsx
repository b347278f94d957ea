import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { organisationList } from '../../../../src/contracts/admin.js';
import { draftView, referralSettings } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { todayIso } from '../../components/dateParts.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import type { SentReferral } from './drafts.js';
import { defaultFormState, formStateFromDraft, type FormState } from './formState.js';
import { ReferralForm } from './ReferralForm.js';
import { ReferralSent } from './ReferralSent.js';

/**
 * /referrals/new, and /referrals/new?draft=<id> to carry on with a draft. Saving a draft puts
 * its id in the address (replacing, not adding, a history entry), so a reload or a bookmark
 * comes back to it. The form is remounted only for a different draft or a new referral.
 */
export function ReferralFormPage(): ReactNode {
  const [params, setParams] = useSearchParams();
  const urlDraft = params.get('draft');
  const [settings] = useApi('/api/referral-settings', referralSettings);
  const [organisations] = useApi('/api/organisations', organisationList);
  const [draftId, setDraftId] = useState(urlDraft);
  const [loadDraft, setLoadDraft] = useState(urlDraft);
  const [round, setRound] = useState(0);
  const [sent, setSent] = useState<SentReferral | null>(null);
  // The draft the address should name; when it names another, someone opened another draft.
  const known = useRef(urlDraft);

  useEffect(() => {
    if (urlDraft === known.current) return;
    known.current = urlDraft;
    setDraftId(urlDraft);
    setLoadDraft(urlDraft);
    setSent(null);
    setRound((n) => n + 1);
  }, [urlDraft]);

  function onDraftSaved(id: string): void {
    known.current = id;
    setDraftId(id);
    setParams({ draft: id }, { replace: true });
  }

  function onSent(referral: SentReferral): void {
    // The server deletes the draft a referral completes.
    known.current = null;
    setDraftId(null);
    setSent(referral);
    if (urlDraft !== null) setParams({}, { replace: true });
  }

  function onAnother(): void {
    setSent(null);
    setLoadDraft(null);
    setRound((n) => n + 1);
  }

  if (settings.status === 'error') return <ProblemPage problem={settings.problem} />;
  if (sent !== null) return <ReferralSent referral={sent} firstContactWorkingDays={settings.status === 'ok' ? settings.data.firstContactWorkingDays : 0} onAnother={onAnother} />;
  if (settings.status === 'loading' || organisations.status === 'loading') return <LoadingPage />;

  // The practice is optional: if the list cannot be had, the form still works without it.
  const practices =
    organisations.status === 'ok'
      ? organisations.data.items.flatMap((o) => (o.kind === 'gp_practice' && o.odsCode !== null ? [{ value: o.odsCode, label: `${o.name} (${o.odsCode})` }] : []))
      : [];
  const form = (initial: FormState): ReactNode => (
    <ReferralForm
      key={round}
      settings={settings.data}
      practices={practices}
      initial={initial}
      draftId={draftId}
      onDraftSaved={onDraftSaved}
      onSent={onSent}
    />
  );
  if (loadDraft === null) return form(defaultFormState(todayIso()));
  return <DraftLoader key={round} id={loadDraft} render={form} />;
}

function LoadingPage(): ReactNode {
  return (
    <>
      <PageHeading>Make a referral</PageHeading>
      <Loading />
    </>
  );
}

function DraftLoader({ id, render }: { id: string; render: (initial: FormState) => ReactNode }): ReactNode {
  const [draft] = useApi(`/api/referral-drafts/${encodeURIComponent(id)}`, draftView);
  if (draft.status === 'loading') return <LoadingPage />;
  if (draft.status === 'error') {
    if (draft.problem.status !== 404) return <ProblemPage problem={draft.problem} />;
    return (
      <>
        <PageHeading>Draft not found</PageHeading>
        <p className="nhsuk-body">The draft may have been sent as a referral or deleted.</p>
        <p className="nhsuk-body">
          <Link to="/referrals/new">Start a new referral</Link>
        </p>
      </>
    );
  }
  return render(formStateFromDraft(draft.data.data, defaultFormState(todayIso())));
}
