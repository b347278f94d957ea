import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { CONTACT_MODE_LABELS } from '../../../../src/contracts/casework-codes.js';
import type { Contact } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SummaryList } from '../../components/SummaryList.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { Tag } from '../../components/Tag.js';
import { formatDateTime } from '../../format/text.js';
import { currentRole, currentSession, useSession } from '../../session/context.js';
import { useFlash } from '../../session/flash.js';
import { formatDate } from '../referrals/labels.js';
import { casePath, caseUrl, contactsResponse } from './api.js';
import { BackToCase } from './BackToCase.js';
import { ContactOutcomeForm } from './ContactOutcomeForm.js';
import { contactTag, levelText, loneStateTag, needsAcknowledging } from './labels.js';
import { AcknowledgeForm, CheckInButtons } from './LoneWorkingActions.js';
import { formatMinutes, formatTime } from './time.js';
import { useCaseOpen } from './useCaseOpen.js';

/**
 * One contact: what it is, what happened, and for a lone-working home visit the worker's
 * check-in buttons (large, for a tablet on a doorstep) or a manager's acknowledgement.
 */
export function ContactPage(): ReactNode {
  const { id = '', contactId = '' } = useParams();
  return <ContactView key={contactId} referralId={id} contactId={contactId} />;
}

function ContactView({ referralId, contactId }: { referralId: string; contactId: string }): ReactNode {
  const [load] = useApi(`${casePath(referralId)}/contacts`, contactsResponse);
  const open = useCaseOpen(referralId);
  const { state } = useSession();
  const manager = currentRole(state) === 'scheme_manager';
  const me = currentSession(state)?.user.id ?? null;
  const flash = useFlash();
  const [fresh, setFresh] = useState<Contact | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const message = done ?? flash.message;
  const back = <BackToCase to={caseUrl(referralId)} />;
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        {back}
        <PageHeading>Contact</PageHeading>
        <Loading />
      </>
    );
  }
  const found = fresh ?? load.data.contacts.find((c) => c.id === contactId) ?? null;
  if (found === null) {
    return (
      <>
        {back}
        <PageHeading>Contact not found</PageHeading>
        <p className="nhsuk-body">This contact is not part of this case.</p>
      </>
    );
  }
  const c = found;
  const changed = (next: Contact, text: string): void => {
    setFresh(next);
    setDone(text);
  };
  const lone = c.loneWorking;
  // Only the visiting worker checks in (the server refuses anyone else).
  const mine = me !== null && c.workerId === me;
  return (
    <>
      {back}
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <PageHeading title={`${CONTACT_MODE_LABELS[c.mode]} – contact`}>{`${CONTACT_MODE_LABELS[c.mode]}, ${formatDateTime(c.scheduledAt)}`}</PageHeading>
      {lone !== null && mine && lone.state !== 'checked_in_safe' && c.status !== 'cancelled' && <CheckInButtons visit={c} onDone={changed} />}
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag tag={contactTag(c.status)} /> },
          { key: 'When', value: formatDateTime(c.scheduledAt) },
          { key: 'Length', value: c.durationMinutes === null ? 'Not recorded' : formatMinutes(c.durationMinutes) },
          { key: 'Where', value: c.location ?? 'Not recorded' },
          { key: 'Who was there', value: c.attendees ?? 'Not recorded' },
          { key: 'Link worker', value: c.worker },
          { key: 'Notes', value: <span className="lw-pre-line">{c.notes ?? 'None'}</span> },
          ...(c.cancelReason === null ? [] : [{ key: 'Why it was cancelled', value: c.cancelReason }]),
          ...(lone === null
            ? []
            : [
                { key: 'Check in by', value: `${formatTime(lone.expectedCheckInAt)} on ${formatDate(lone.expectedCheckInAt)}` },
                { key: 'Lone working', value: <Tag tag={loneStateTag(lone.state)} /> },
                { key: 'Alerts', value: levelText(lone.level) },
              ]),
        ]}
      />
      {lone !== null && manager && needsAcknowledging(lone.state) && (
        <section aria-labelledby="ack-heading">
          <h2 className="nhsuk-heading-m" id="ack-heading">
            Acknowledge
          </h2>
          <AcknowledgeForm contactId={c.id} onDone={(next) => { changed(next, 'Acknowledged. The alerts have stopped.'); }} />
        </section>
      )}
      {open && <ContactOutcomeForm key={c.version} visit={c} onDone={changed} />}
    </>
  );
}
