import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { CLOSURE_REASONS } from '../../../../src/contracts/referral-codes.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { WarningCallout } from '../../components/Callouts.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextArea } from '../../components/TextArea.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { casePath, caseUrl, closeCaseResult, onwardListResponse } from './api.js';
import { BackToCase } from './BackToCase.js';
import { closeBody } from './closeForm.js';

/** Closing a case with a coded reason and a summary for the referrer. What the person took part in stays in the record. */
const ORDER = ['reasonCode', 'outcomeSummary'];

export function CloseCasePage(): ReactNode {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [onward] = useApi(`${casePath(id)}/onward-referrals`, onwardListResponse);
  const live = onward.status === 'ok' ? onward.data.onwardReferrals.filter((o) => o.live) : [];
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) => closeBody(formText(data, 'reasonCode'), formText(data, 'outcomeSummary')),
    send: async (body) => {
      await postJson(`${casePath(id)}/close`, body, closeCaseResult);
      void navigate(caseUrl(id), { state: { message: 'The case is closed. The referrer is sent the outcome summary.' } });
    },
    toProblem: useProblemHandler(),
  });
  return (
    <>
      <BackToCase to={caseUrl(id)} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading>Close the case</PageHeading>
          {live.length > 0 && (
            <WarningCallout heading="Onward referrals carry on">
              <p>
                {live.length === 1 ? 'One referral to a group or service is' : `${live.length} referrals to groups or services are`} still live ({live.map((o) => o.service.name).join(', ')}).
                Closing the case does not end them: the groups keep working with the person.
              </p>
            </WarningCallout>
          )}
          <form onSubmit={onSubmit} noValidate>
            <ErrorSummary errors={errors} order={ORDER} />
            <ChoiceField type="radio" name="reasonCode" legend="Why is the case closing?" items={CLOSURE_REASONS.map((r) => ({ value: r.code, label: r.label }))} error={errors.fields.reasonCode} />
            <TextArea
              name="outcomeSummary"
              label="What changed for the person"
              hint="The referrer reads this. Write it plainly, without clinical detail they do not need."
              rows={6}
              error={errors.fields.outcomeSummary}
            />
            <button className="nhsuk-button nhsuk-button--warning" type="submit" disabled={busy}>
              Close the case
            </button>
          </form>
        </div>
      </div>
    </>
  );
}

