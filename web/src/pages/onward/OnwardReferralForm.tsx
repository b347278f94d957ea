import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Goal } from '../../../../src/contracts/casework.js';
import { onwardReferral } from '../../../../src/contracts/onward.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { formatDate } from '../referrals/labels.js';
import { caseApi, casePage } from './api.js';
import { ConsentFields } from './ConsentFields.js';
import { checkOnwardReferral, formValues, ONWARD_FIELDS } from './forms.js';
import { HandoverFields } from './HandoverFields.js';
import { SharePreview } from './SharePreview.js';

/**
 * The referral itself: what the person wants from the group, the goals it supports, risks for
 * the group's people, the handover, and consent, with a live view of exactly what will be sent.
 */
interface Props {
  referralId: string;
  serviceId: string;
  serviceName: string;
  organisationName: string;
  personName: string;
  goals: readonly Goal[];
}

const OPEN_GOALS: readonly Goal['status'][] = ['not_started', 'in_progress'];

export function OnwardReferralForm({ referralId, serviceId, serviceName, organisationName, personName, goals }: Props): ReactNode {
  const navigate = useNavigate();
  const toProblem = useProblemHandler();
  const [openedAt] = useState(() => new Date());
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [typed, setTyped] = useState({ needSummary: '', risks: '' });
  const openGoals = goals.filter((g) => OPEN_GOALS.includes(g.status));

  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ONWARD_FIELDS,
    check: (data) => checkOnwardReferral(formValues(data), { serviceId, organisationName, now: new Date() }),
    send: async (body) => {
      const sent = await postJson(`${caseApi(referralId)}/onward-referrals`, body, onwardReferral);
      await navigate(casePage(referralId), {
        state: { message: `Referral ${sent.reference} sent to ${serviceName}. They have until ${formatDate(sent.respondBy)} to reply.` },
      });
    },
    toProblem,
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={ONWARD_FIELDS} />
      <div
        onChange={(event) => {
          const target = event.target;
          if (target instanceof HTMLTextAreaElement && (target.name === 'needSummary' || target.name === 'risks')) {
            const { name, value } = target;
            setTyped((previous) => ({ ...previous, [name]: value }));
          }
        }}
      >
        <TextArea
          name="needSummary"
          label="What would the person like help with from this group?"
          hint={`Written for ${organisationName}: they read this.`}
          rows={4}
          error={errors.fields.needSummary}
        />
        <GoalChoices goals={openGoals} error={errors.fields.goalIds} onChange={setGoalIds} />
        <TextArea
          name="risks"
          label="Risks that affect the group's staff or volunteers (optional)"
          hint="For example, needs help with stairs, or should not be alone with children. Never clinical details."
          rows={3}
          error={errors.fields.risks}
        />
      </div>
      <HandoverFields errors={errors} organisationName={organisationName} />
      <ConsentFields errors={errors} personName={personName} organisationName={organisationName} openedAt={openedAt} />
      <SharePreview referralId={referralId} serviceId={serviceId} goalIds={goalIds} organisationName={organisationName} typed={typed} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Send referral
      </button>
    </form>
  );
}

/** The person's open goals; ticking one adds it to what the group is sent. */
function GoalChoices({ goals, error, onChange }: { goals: readonly Goal[]; error: string | undefined; onChange: (ids: string[]) => void }): ReactNode {
  const errorId = error === undefined ? undefined : 'goalIds-error';
  const errorMessage = errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>;
  if (goals.length === 0) {
    // The error summary links to #goalIds, so the place the message shows has that id.
    return (
      <div className={error === undefined ? undefined : 'nhsuk-form-group nhsuk-form-group--error'} id="goalIds" tabIndex={-1} aria-describedby={errorId}>
        {errorMessage}
        <p className="nhsuk-body">The person has no open goals in their plan, so no goals will be shared.</p>
      </div>
    );
  }
  return (
    <div
      onChange={(event) => {
        const boxes = event.currentTarget.querySelectorAll<HTMLInputElement>('input[name="goalIds"]:checked');
        onChange(Array.from(boxes, (box) => box.value));
      }}
    >
      <fieldset className={error === undefined ? 'nhsuk-fieldset' : 'nhsuk-fieldset nhsuk-form-group--error'} aria-describedby={describedBy('goalIds-hint', errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Which goals does this group support?</legend>
        <div className="nhsuk-hint" id="goalIds-hint">
          Only the goals you tick are shared.
        </div>
        {errorMessage}
        <div className="nhsuk-checkboxes nhsuk-u-margin-bottom-6">
          {goals.map((goal, index) => {
            const id = index === 0 ? 'goalIds' : `goalIds-${index + 1}`;
            return (
              <div className="nhsuk-checkboxes__item" key={goal.id}>
                <input className="nhsuk-checkboxes__input" id={id} name="goalIds" type="checkbox" value={goal.id} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {goal.title}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
