import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { referralSettings, triageQueue } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { plural } from '../referrals/labels.js';
import { withQuery } from '../referrals/query.js';
import { AllocateForm } from './AllocateForm.js';
import { Caseloads } from './Caseloads.js';
import { allocatedMessage, hasFilters, readTriageFilters, triageQuery, type TriageFilters } from './query.js';
import { TriageFilterForm } from './TriageFilterForm.js';
import { TriageTable } from './TriageTable.js';

/**
 * New referrals waiting for a first look, oldest first, with each link worker's caseload and a
 * form to allocate several referrals at once. Filters live in the address.
 */
export function TriagePage(): ReactNode {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = readTriageFilters(params);
  const query = triageQuery(filters);
  const [load, reload] = useApi(withQuery('/api/triage', query), triageQueue);
  const [settings] = useApi('/api/referral-settings', referralSettings);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;

  function apply(next: TriageFilters): void {
    setDone(null);
    void navigate(withQuery('/triage', triageQuery(next)));
  }

  function toggle(id: string, checked: boolean): void {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function allocated(count: number, name: string): void {
    setSelected(new Set());
    setDone(allocatedMessage(count, name));
    reload();
  }

  const needCategories = settings.status === 'ok' ? settings.data.needCategories : [];
  const queue = load.status === 'ok' ? load.data : null;
  // Only referrals still in the queue as shown can be sent, whatever was ticked before.
  const selectedIds = queue === null ? [] : queue.items.filter((item) => selected.has(item.id)).map((item) => item.id);

  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <PageHeading>Triage</PageHeading>
      <p className="nhsuk-body">New referrals waiting for a first look, oldest first. Open a referral to triage it, or allocate several at once below.</p>
      {queue === null ? (
        <Loading />
      ) : (
        <>
          <TriageFilterForm key={query} filters={filters} practices={queue.practices} needCategories={needCategories} onApply={apply} />
          <p className="nhsuk-body" role="status">
            {queue.total === 0
              ? hasFilters(filters)
                ? 'No referrals waiting for triage match these filters.'
                : 'There are no referrals waiting for triage.'
              : queue.items.length < queue.total
                ? `${plural(queue.total, 'referral', 'referrals')} waiting. Showing the oldest ${queue.items.length}.`
                : `${plural(queue.total, 'referral', 'referrals')} waiting.`}
          </p>
          {queue.items.length > 0 && (
            <>
              <TriageTable items={queue.items} needCategories={needCategories} selected={selected} onToggle={toggle} />
              <AllocateForm selectedIds={selectedIds} caseloads={queue.caseloads} onAllocated={allocated} />
            </>
          )}
          <Caseloads caseloads={queue.caseloads} />
        </>
      )}
    </>
  );
}
