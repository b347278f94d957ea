import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Tag } from '../../components/Tag.js';
import { onwardStatusTag } from '../onward/labels.js';
import { formatDate } from '../referrals/labels.js';
import { casePath, caseUrl, onwardListResponse } from './api.js';
import { CaseCard, Loaded } from './CaseCard.js';

/** Referrals on to groups and services, and signposting (information only, never counted as a referral). */
export function OnwardSection({ id, readOnly }: { id: string; readOnly: boolean }): ReactNode {
  const [load] = useApi(`${casePath(id)}/onward-referrals`, onwardListResponse);
  return (
    <CaseCard id="onward" heading="Onward referrals and signposting">
      <Loaded load={load}>
        {({ onwardReferrals, signposts }) => (
          <>
            <h3 className="nhsuk-heading-s">Referrals to groups and services</h3>
            {onwardReferrals.length === 0 ? (
              <p className="nhsuk-body">None yet.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--border">
                {onwardReferrals.map((o) => (
                  <li key={o.id}>
                    <Link to={`/onward-referrals/${o.id}`}>
                      {o.service.name}, {o.service.organizationName}
                    </Link>{' '}
                    <Tag tag={onwardStatusTag(o.status)} />
                    <span className="nhsuk-body-s"> Sent {formatDate(o.sentAt)}</span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="nhsuk-heading-s">Signposting</h3>
            {signposts.length === 0 ? (
              <p className="nhsuk-body">None recorded.</p>
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {signposts.map((s) => (
                  <li key={s.id}>
                    {s.serviceName}, {formatDate(s.givenOn)}
                    {s.information !== null && <> – {s.information}</>}
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && (
              <>
                <ButtonLink to={caseUrl(id, '/refer-on')}>Refer to a group or service</ButtonLink>{' '}
                <ButtonLink to={caseUrl(id, '/signpost')} secondary>
                  Record signposting
                </ButtonLink>
              </>
            )}
          </>
        )}
      </Loaded>
    </CaseCard>
  );
}
