import type { ReactNode, SubmitEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from '../../../../src/contracts/referral-codes.js';
import { referralList } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SelectField } from '../../components/SelectField.js';
import { totalPages } from '../../components/pages.js';
import { formText } from '../../forms/errors.js';
import { canRefer } from '../../layout/navigation.js';
import { currentRole, useSession } from '../../session/context.js';
import { isReferralStatus } from './labels.js';
import { listQuery, readPage, readStatus, withQuery } from './query.js';
import { ReferralTable } from './ReferralTable.js';

const PAGE_SIZE = 25;
const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))];

/**
 * Referrals, newest first as the server sends them. A referrer sees only the referrals they made
 * (the server decides), so their page is called "My referrals".
 */
export function ReferralsPage(): ReactNode {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const role = currentRole(useSession().state);
  const status = readStatus(params);
  const page = readPage(params);
  const [load] = useApi(withQuery('/api/referrals', listQuery(status, page, PAGE_SIZE)), referralList);
  const heading = role === 'referrer' ? 'My referrals' : 'Referrals';

  function filter(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const chosen = formText(new FormData(event.currentTarget), 'status');
    void navigate(withQuery('/referrals', listQuery(isReferralStatus(chosen) ? chosen : null)));
  }

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p className="nhsuk-body">
        {role === 'referrer'
          ? 'The referrals you made, newest first. Open one to see what has happened and the feedback sent to you.'
          : 'Every referral to this scheme, newest first. Open one to see its history and take the next step.'}
      </p>
      {canRefer(role) && <ButtonLink to="/referrals/new">Make a referral</ButtonLink>}
      <form onSubmit={filter} noValidate aria-label="Filter referrals" key={status ?? ''}>
        <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={status ?? ''} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Apply filter
        </button>
      </form>
      {load.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          <p className="nhsuk-body" role="status">
            {load.data.total === 0
              ? status === null
                ? 'There are no referrals yet.'
                : 'No referrals have this status.'
              : `Showing ${(load.data.page - 1) * load.data.pageSize + 1} to ${Math.min(load.data.page * load.data.pageSize, load.data.total)} of ${load.data.total} referrals.`}
          </p>
          {load.data.items.length > 0 && <ReferralTable items={load.data.items} caption={heading} />}
          <Pagination
            page={load.data.page}
            lastPage={totalPages(load.data.total, load.data.pageSize)}
            hrefFor={(n) => withQuery('/referrals', listQuery(status, n))}
          />
        </>
      )}
    </>
  );
}
