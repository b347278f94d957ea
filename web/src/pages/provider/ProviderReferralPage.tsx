import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { providerReferral, type OnwardEventInput, type ProviderReferral } from '../../../../src/contracts/onward.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { InsetText } from '../../components/Callouts.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { SummaryList } from '../../components/SummaryList.js';
import { Tag } from '../../components/Tag.js';
import { useFlash } from '../../session/flash.js';
import { formatDate } from '../referrals/labels.js';
import { usePostIfMatch } from '../referrals/api.js';
import { ActionForm } from '../onward/ActionForm.js';
import { actionDone, offeredActions, type ActionType } from '../onward/events.js';
import { attendanceText, onwardStatusTag, providerHandoverSentences, sharedName } from '../onward/labels.js';
import { SharedDetailsList } from '../onward/SharedDetailsList.js';
import { providerReferralApi, providerReferralPage } from './api.js';
import { detailsRemovedText, sharedFieldsOf } from './labels.js';

/**
 * One referral as the group sees it: only the details the person agreed to share, the handover
 * in plain words, who to talk to, and the replies the group can give now. Once the scheme's
 * period after the end has passed, nothing about the person is shown.
 */
export function ProviderReferralPage(): ReactNode {
  const { id = '' } = useParams();
  return <ProviderReferralView key={id} id={id} />;
}

function ProviderReferralView({ id }: { id: string }): ReactNode {
  const [load] = useApi(providerReferralApi(id), providerReferral);
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  // The reply's answer carries the new version, so a second reply is not refused as stale.
  const [fresh, setFresh] = useState<ProviderReferral | null>(null);
  const postIfMatch = usePostIfMatch();
  const toProblem = useProblemHandler();
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Referral</PageHeading>
        <Loading />
      </>
    );
  }
  const r = fresh ?? load.data;
  const message = done ?? flash.message;

  async function send(type: ActionType, body: OnwardEventInput): Promise<void> {
    setFresh(await postIfMatch(`${providerReferralApi(id)}/events`, body, providerReferral, r.version));
    setDone(actionDone(type));
  }

  return (
    <>
      <Link className="nhsuk-back-link" to="/provider">
        Back<span className="nhsuk-u-visually-hidden"> to referrals</span>
      </Link>
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <PageHeading title={`Referral ${r.reference}`}>
        <span className="nhsuk-caption-l">
          {r.service.name}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Referral {r.reference}
      </PageHeading>
      <p className="nhsuk-body">
        <Tag tag={onwardStatusTag(r.status)} />
      </p>
      <SummaryList
        rows={[
          { key: 'Service', value: r.service.name },
          { key: 'Sent', value: formatDate(r.sentAt) },
          ...(r.status === 'sent' ? [{ key: 'Please reply by', value: formatDate(r.respondBy) }] : []),
        ]}
      />
      {r.shared === null || r.detailsRemoved ? <Removed referral={r} /> : <Details referral={r} shared={r.shared} />}
      <Actions referral={r} send={send} toProblem={toProblem} />
    </>
  );
}

function Removed({ referral }: { referral: ProviderReferral }): ReactNode {
  return (
    <InsetText>
      <p>{detailsRemovedText(referral.accessUntil)}</p>
    </InsetText>
  );
}

function Details({ referral, shared }: { referral: ProviderReferral; shared: NonNullable<ProviderReferral['shared']> }): ReactNode {
  const name = sharedName(shared);
  return (
    <>
      <h2 className="nhsuk-heading-m">About the person</h2>
      <p className="nhsuk-body">These are the only details shared with you, with the person&apos;s agreement.</p>
      <SharedDetailsList fields={sharedFieldsOf(shared)} shared={shared} />
      {referral.handover !== null && (
        <>
          <h2 className="nhsuk-heading-m">What was agreed</h2>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {providerHandoverSentences(referral.handover, name).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          {referral.handover.note !== null && referral.handover.note.trim() !== '' && <p className="nhsuk-body">Note from the link worker: {referral.handover.note}</p>}
        </>
      )}
      {referral.linkWorker !== null && (
        <>
          <h2 className="nhsuk-heading-m">Who to talk to</h2>
          <SummaryList
            rows={[
              { key: 'Link worker', value: referral.linkWorker.name },
              ...(referral.linkWorker.phone === null ? [] : [{ key: 'Phone', value: referral.linkWorker.phone }]),
              ...(referral.linkWorker.email === null ? [] : [{ key: 'Email', value: referral.linkWorker.email }]),
            ]}
          />
        </>
      )}
      {referral.attendance.length > 0 && (
        <>
          <h2 className="nhsuk-heading-m">Attendance</h2>
          <SummaryList rows={referral.attendance.map((a) => ({ key: formatDate(a.sessionDate), value: attendanceText(a.mark) }))} />
        </>
      )}
      <p className="nhsuk-body">
        Worried about {name}? <Link to={`${providerReferralPage(referral.id)}/concern`}>Raise a concern</Link>
      </p>
    </>
  );
}

interface ActionsProps {
  referral: ProviderReferral;
  send: (type: ActionType, body: OnwardEventInput) => Promise<void>;
  toProblem: ReturnType<typeof useProblemHandler>;
}

function Actions({ referral, send, toProblem }: ActionsProps): ReactNode {
  const actions = offeredActions(referral.allowedEvents);
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="reply-heading">
      <h2 className="nhsuk-heading-m" id="reply-heading">
        {referral.status === 'sent' || referral.status === 'waitlisted' ? 'Your reply' : 'Update this referral'}
      </h2>
      {actions.map((type) => (
        <ActionForm key={`${type}-${referral.version}`} type={type} audience="provider" send={(body) => send(type, body)} toProblem={toProblem} />
      ))}
    </section>
  );
}
