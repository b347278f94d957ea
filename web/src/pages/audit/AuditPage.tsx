import { useMemo, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { auditPage } from '../../../../src/contracts/admin.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { totalPages } from '../../components/pages.js';
import { noErrors, problemToFormErrors } from '../../forms/errors.js';
import { AuditFilterForm } from './AuditFilterForm.js';
import { AuditTable } from './AuditTable.js';
import { filterQuery, readFilters, readPage, withQuery, type AuditFilters } from './query.js';

const PAGE_SIZE = 50;
const FIELDS = ['action', 'entityType', 'actorId', 'from', 'to'];

/** Who did what and when in this scheme: every read and change of personal data is here. */
export function AuditPage(): ReactNode {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = readFilters(params);
  const page = readPage(params);
  const query = filterQuery(filters);
  const [load] = useApi(withQuery('/api/audit-events', filterQuery(filters, page, PAGE_SIZE)), auditPage);

  // Memoised: a new errors object would make the error summary take focus on every render.
  const serverErrors = useMemo(() => (load.status === 'error' ? problemToFormErrors(load.problem, FIELDS) : noErrors), [load]);

  if (load.status === 'error' && load.problem.status !== 400) return <ProblemPage problem={load.problem} />;
  const apply = (next: AuditFilters): void => {
    void navigate(withQuery('/admin/audit', filterQuery(next)));
  };

  return (
    <>
      <PageHeading>Audit trail</PageHeading>
      <p className="nhsuk-body">Every sign-in, and every time someone reads or changes personal data, is recorded here. Records cannot be changed or deleted.</p>
      <AuditFilterForm key={query} filters={filters} serverErrors={serverErrors} onApply={apply} onClear={() => { apply({}); }} />
      {load.status === 'loading' && <Loading />}
      {load.status === 'ok' && (
        <>
          <p className="nhsuk-body" role="status">
            {load.data.total === 0
              ? 'No events match these filters.'
              : `Showing ${(load.data.page - 1) * load.data.pageSize + 1} to ${Math.min(load.data.page * load.data.pageSize, load.data.total)} of ${load.data.total} events.`}
          </p>
          <p className="nhsuk-body">
            <a href={withQuery('/api/audit-events/export', query)} download>
              Download CSV
            </a>
          </p>
          {load.data.items.length > 0 && <AuditTable items={load.data.items} />}
          <Pagination page={load.data.page} lastPage={totalPages(load.data.total, load.data.pageSize)} hrefFor={(n) => withQuery('/admin/audit', filterQuery(filters, n))} />
        </>
      )}
    </>
  );
}
