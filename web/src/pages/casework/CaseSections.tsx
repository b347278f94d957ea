import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { CONTACT_MODE_LABELS, NEED_PRIORITY_LABELS } from '../../../../src/contracts/casework-codes.js';
import { plan } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Tag } from '../../components/Tag.js';
import { formatDateTime } from '../../format/text.js';
import { formatDate } from '../referrals/labels.js';
import { assessmentsResponse, casePath, caseUrl, contactsResponse } from './api.js';
import { CaseCard, Loaded } from './CaseCard.js';
import { contactTag, goalTag } from './labels.js';

/** The case hub's sections for what matters, the plan and contacts. */
interface SectionProps {
  id: string;
  readOnly: boolean;
}

export function WhatMattersSection({ id, readOnly }: SectionProps): ReactNode {
  const [load] = useApi(`${casePath(id)}/assessments`, assessmentsResponse);
  return (
    <CaseCard id="what-matters" heading="What matters to me">
      <Loaded load={load}>
        {({ assessments, needDomains }) => {
          const latest = assessments[0];
          const label = (code: string): string => needDomains.find((d) => d.code === code)?.label ?? code;
          return (
            <>
              {latest === undefined ? (
                <p className="nhsuk-body">Not recorded yet.</p>
              ) : (
                <>
                  <p className="nhsuk-body lw-pre-line">{latest.whatMatters}</p>
                  {latest.domains.length > 0 && (
                    <ul className="nhsuk-list nhsuk-list--bullet">
                      {latest.domains.map((d) => (
                        <li key={d.domain}>
                          <strong>{label(d.domain)}</strong>: {NEED_PRIORITY_LABELS[d.priority]}
                          {d.words !== '' && <> – “{d.words}”</>}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="nhsuk-body-s">
                    Version {latest.number}, {formatDate(latest.assessedOn)}, by {latest.createdBy}
                  </p>
                </>
              )}
              {!readOnly && <ButtonLink to={caseUrl(id, '/assessment')}>{latest === undefined ? 'Record what matters' : 'Reassess'}</ButtonLink>}
              {readOnly && latest !== undefined && <Link to={caseUrl(id, '/assessment')}>Read every version</Link>}
            </>
          );
        }}
      </Loaded>
    </CaseCard>
  );
}

export function PlanSection({ id, readOnly }: SectionProps): ReactNode {
  const [load] = useApi(`${casePath(id)}/plan`, plan);
  return (
    <CaseCard id="plan" heading="Plan">
      <Loaded load={load}>
        {({ goals }) => (
          <>
            {goals.length === 0 ? (
              <p className="nhsuk-body">No goals yet.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--border">
                {goals.map((goal) => (
                  <li key={goal.id}>
                    <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                      <Link to={caseUrl(id, `/goals/${goal.id}`)}>{goal.title}</Link>
                    </p>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                      <Tag tag={goalTag(goal.status)} />{' '}
                      {goal.reviewDue && <strong className="nhsuk-tag nhsuk-tag--orange">Review due</strong>}
                    </p>
                    <p className="nhsuk-body-s">
                      {goal.personRating === null ? 'Not rated by the person yet' : `Their rating: ${goal.personRating} out of 10`}
                      {goal.reviewDate !== null && <>. Review on {formatDate(goal.reviewDate)}</>}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && <ButtonLink to={caseUrl(id, '/goals/new')}>Add a goal</ButtonLink>}{' '}
            {goals.length > 0 && (
              <ButtonLink to={caseUrl(id, '/plan')} secondary>
                Print or send the plan
              </ButtonLink>
            )}
          </>
        )}
      </Loaded>
    </CaseCard>
  );
}

const LATEST_CONTACTS = 5;

export function ContactsSection({ id, readOnly }: SectionProps): ReactNode {
  const [load] = useApi(`${casePath(id)}/contacts`, contactsResponse);
  return (
    <CaseCard id="contacts" heading="Contacts">
      <Loaded load={load}>
        {({ contacts }) => (
          <>
            {contacts.length === 0 ? (
              <p className="nhsuk-body">No contacts yet.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--border">
                {contacts.slice(0, LATEST_CONTACTS).map((c) => (
                  <li key={c.id}>
                    <Link to={caseUrl(id, `/contacts/${c.id}`)}>
                      {CONTACT_MODE_LABELS[c.mode]}, {formatDateTime(c.scheduledAt)}
                    </Link>{' '}
                    <Tag tag={contactTag(c.status)} />
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && <ButtonLink to={caseUrl(id, '/contacts/new')}>Record a contact or book a visit</ButtonLink>}
          </>
        )}
      </Loaded>
    </CaseCard>
  );
}
