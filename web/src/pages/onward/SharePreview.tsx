import type { ReactNode } from 'react';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { onwardPreview } from './api.js';
import { previewPath, withTyped } from './forms.js';
import { SharedDetailsList } from './SharedDetailsList.js';

/**
 * "What will be shared": the server's own preview of the snapshot the group will receive, for
 * the goals ticked now, so the link worker can read it out to the person before they agree.
 */
interface Props {
  referralId: string;
  serviceId: string;
  goalIds: readonly string[];
  organisationName: string;
  /** The need summary and risks as typed on the form so far. */
  typed: { needSummary: string; risks: string };
}

export function SharePreview({ referralId, serviceId, goalIds, organisationName, typed }: Props): ReactNode {
  const [load] = useApi(previewPath(referralId, serviceId, goalIds), onwardPreview);
  return (
    <section className="nhsuk-card" aria-labelledby="share-preview-heading">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id="share-preview-heading">
          What will be shared
        </h2>
        <p className="nhsuk-body">{organisationName} will receive these details and nothing else. Clinical notes and other referrals are never shared.</p>
        <div>
          {load.status === 'loading' && <Loading>Loading what will be shared…</Loading>}
          {load.status === 'error' && <p className="nhsuk-body">What will be shared cannot be shown: {load.problem.detail}</p>}
          {load.status === 'ok' && <SharedDetailsList fields={load.data.sharedFields} shared={withTyped(load.data.shared, load.data.sharedFields, typed)} />}
        </div>
      </div>
    </section>
  );
}
