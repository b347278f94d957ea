import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { onwardReferral, type OnwardEventInput, type OnwardReferral } from '../../../../src/contracts/onward.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { SummaryList } from '../../components/SummaryList.js';
import { Tag } from '../../components/Tag.js';
import { formatDateTime } from '../../format/text.js';
import { useFlash } from '../../session/flash.js';
import { BackToCase } from '../casework/BackToCase.js';
import { CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS, formatDate, labelFor } from '../referrals/labels.js';
import { usePostIfMatch } from '../referrals/api.js';
import { useCaseOpenWithConsent } from '../casework/useCaseOpen.js';
import { ActionForm } from './ActionForm.js';
import { casePage, onwardApi } from './api.js';
import { actionDone, linkWorkerActions, type ActionType } from './events.js';
import { attendanceText, eventLabel, handoverRows, onwardStatusTag, reasonText } from './labels.js';
import { SharedDetailsList } from './SharedDetailsList.js';

/**
 * One onward referral as the link worker sees it: where it stands, what was agreed and shared,
 * attendance, and what the link worker can record (a reply the group gave by phone, an ending,
 * or a withdrawal).
 */
export function OnwardReferralPage(): ReactNode {
  const { id = '' } = useParams();
  return <OnwardReferralView key={id} id={id} />;
}

const giverLabels = Object.entries(CONSENT_GIVER_LABELS).map(([code, label]) => ({ code, label }));
const methodLabels = Object.entries(CONSENT_METHOD_LABELS).map(([code, label]) => ({ code, label }));

function OnwardReferralView({ id }: { id: string }): ReactNode {
  const [load] = useApi(onwardApi(id), onwardReferral);
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  // The event's answer carries the new version, so a second change is not refused as stale.
  const [fresh, setFresh] = useState<OnwardReferral | null>(null);
  const postIfMatch = usePostIfMatch();
  const toProblem = useProblemHandler();
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Referral to a service</PageHeading>
        <Loading />
      </>
    );
  }
  const r = fresh ?? load.data;
  const message = done ?? flash.message;

  async function send(type: ActionType, body: OnwardEventInput): Promise<void> {
    setFresh(await postIfMatch(`${onwardApi(id)}/events`, body, onwardReferral, r.version));
    setDone(actionDone(type));
  }

  return (
    <>
      <BackToCase to={casePage(r.referralId)} />
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <PageHeading title={`Referral ${r.reference} to ${r.service.name}`}>
        <span className="nhsuk-caption-l">
          Referral {r.reference}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        {r.service.name}
      </PageHeading>
      <p className="nhsuk-body">
        <Tag tag={onwardStatusTag(r.status)} />
      </p>
      <SummaryList rows={summaryRows(r)} />
      <h2 className="nhsuk-heading-m">Consent to share</h2>
      <SummaryList
        rows={[
          { key: 'Agreed by', value: `${labelFor(giverLabels, r.consent.givenBy)}${r.consent.givenByName === null ? '' : ` (${r.consent.givenByName})`}` },
          { key: 'How', value: labelFor(methodLabels, r.consent.method) },
          { key: 'When', value: formatDateTime(r.consent.givenAt) },
          { key: 'Recorded by', value: r.consent.recordedBy },
        ]}
      />
      <h2 className="nhsuk-heading-m">The handover</h2>
      <SummaryList rows={handoverRows(r.handover)} />
      <h2 className="nhsuk-heading-m">What was shared with {r.service.organizationName}</h2>
      <SharedDetailsList fields={r.sharedFields} shared={r.shared} />
      <Attendance attendance={r.attendance} />
      <Actions referral={r} send={send} toProblem={toProblem} />
      <Events events={r.events} />
    </>
  );
}

function summaryRows(r: OnwardReferral): { key: string; value: ReactNode }[] {
  const reason = reasonText(r.statusReasonCode);
  return [
    { key: 'Service', value: r.service.name },
    { key: 'Run by', value: r.service.organizationName },
    { key: 'Sent', value: `${formatDate(r.sentAt)} by ${r.sentBy}` },
    ...(r.status === 'sent' ? [{ key: 'Reply due by', value: formatDate(r.respondBy) }] : []),
    ...(r.acceptedOn === null ? [] : [{ key: 'Accepted on', value: formatDate(r.acceptedOn) }]),
    ...(reason === null ? [] : [{ key: 'Reason', value: reason }]),
    ...(r.statusNote === null ? [] : [{ key: 'Note', value: r.statusNote }]),
    ...(r.endedAt === null ? [] : [{ key: 'Ended', value: formatDate(r.endedAt) }]),
  ];
}

function Attendance({ attendance }: { attendance: OnwardReferral['attendance'] }): ReactNode {
  return (
    <>
      <h2 className="nhsuk-heading-m">Attendance</h2>
      {attendance.length === 0 ? (
        <p className="nhsuk-body">No sessions recorded yet.</p>
      ) : (
        <SummaryList rows={attendance.map((a) => ({ key: formatDate(a.sessionDate), value: attendanceText(a.mark) }))} />
      )}
    </>
  );
}

interface ActionsProps {
  referral: OnwardReferral;
  send: (type: ActionType, body: OnwardEventInput) => Promise<void>;
  toProblem: (error: unknown) => ReturnType<ReturnType<typeof useProblemHandler>>;
}

function Actions({ referral, send, toProblem }: ActionsProps): ReactNode {
  const actions = linkWorkerActions(referral.status, useCaseOpenWithConsent(referral.referralId));
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 className="nhsuk-heading-m" id="actions-heading">
        Record a change
      </h2>
      {actions.map((type) => (
        <ActionForm key={`${type}-${referral.version}`} type={type} audience="link_worker" send={(body) => send(type, body)} toProblem={toProblem} />
      ))}
    </section>
  );
}

function Events({ events }: { events: OnwardReferral['events'] }): ReactNode {
  const newest = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <section>
      <h2 className="nhsuk-heading-m">Timeline (newest first)</h2>
      <ol className="nhsuk-list nhsuk-list--border">
        {newest.map((event, index) => (
          <li key={`${event.occurredAt}-${index}`}>
            <p className="nhsuk-body nhsuk-u-margin-bottom-1">
              <strong>{eventLabel(event)}</strong>
            </p>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>, by {event.by}
            </p>
            {event.reasonCode !== null && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Reason: {reasonText(event.reasonCode)}</p>}
            {event.note !== null && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
