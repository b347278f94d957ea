import type { ReactNode } from 'react';
import { mayRateProgress } from '../../../../src/casework/domain/goal-lifecycle.js';
import { GOAL_STATUS_LABELS, STEP_OWNER_LABELS } from '../../../../src/contracts/casework-codes.js';
import { goal as goalSchema, type Goal, type NeedDomain } from '../../../../src/contracts/casework.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { TextArea } from '../../components/TextArea.js';
import { SummaryList } from '../../components/SummaryList.js';
import { formatDateTime } from '../../format/text.js';
import { formatDate } from '../referrals/labels.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { usePostIfMatch } from '../referrals/api.js';
import { goalPath } from './api.js';
import { GOAL_EVENT_LABELS, progressBody, type GoalEventType } from './goalForm.js';
import { RATING_CHOICES } from './labels.js';

/** Where the goal has got to: a change of status and/or the person's own rating, then its history. */
const ORDER = ['event', 'note', 'personRating'];
const NO_CHANGE = 'none';

const isEvent = (goal: Goal, value: string): value is GoalEventType => (goal.allowedEvents as readonly string[]).includes(value);

export function GoalProgressForm({ goal, onSaved }: { goal: Goal; onSaved: (goal: Goal, message: string) => void }): ReactNode {
  const postIfMatch = usePostIfMatch();
  const rate = mayRateProgress(goal.status);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) => {
      const chosen = formText(data, 'event');
      return progressBody(isEvent(goal, chosen) ? chosen : null, formText(data, 'note'), rate ? formText(data, 'personRating') : '', rate);
    },
    send: async (body) => {
      const next = await postIfMatch(`${goalPath(goal.id)}/progress`, body, goalSchema, goal.version);
      const status = next.status === goal.status ? '' : ` It is now “${GOAL_STATUS_LABELS[next.status]}”.`;
      onSaved(next, `The goal’s progress is saved.${status}`);
    },
    toProblem: useProblemHandler(),
  });
  if (goal.allowedEvents.length === 0 && !rate) return null;
  return (
    <section aria-labelledby="progress-heading">
      <h2 className="nhsuk-heading-m" id="progress-heading">
        Progress
      </h2>
      <p className="nhsuk-body">
        {goal.personRating === null ? 'The person has not rated their progress yet.' : `The person last rated their progress ${goal.personRating} out of 10.`}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} order={ORDER} />
        {goal.allowedEvents.length > 0 && (
          <ChoiceField
            type="radio"
            name="event"
            legend="Has the goal’s status changed?"
            items={[...(rate ? [{ value: NO_CHANGE, label: 'No change' }] : []), ...goal.allowedEvents.map((e) => ({ value: e, label: GOAL_EVENT_LABELS[e] }))]}
            defaultValues={rate ? [NO_CHANGE] : []}
            error={errors.fields.event}
          />
        )}
        <TextArea name="note" label="Note" hint="Say what the goal changed to, or why it was dropped. Optional otherwise." rows={3} error={errors.fields.note} />
        {rate && (
          <SelectField
            name="personRating"
            label="How does the person rate their progress?"
            hint="Ask them, from 0 (not started) to 10 (done)."
            options={[{ value: '', label: 'Not rated now' }, ...RATING_CHOICES]}
            error={errors.fields.personRating}
          />
        )}
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save progress
        </button>
      </form>
    </section>
  );
}

export function GoalHistory({ goal }: { goal: Goal }): ReactNode {
  if (goal.history.length === 0) return null;
  return (
    <section aria-labelledby="goal-history">
      <h2 className="nhsuk-heading-m" id="goal-history">
        History
      </h2>
      <ul className="nhsuk-list nhsuk-list--border">
        {goal.history.map((h, index) => (
          <li key={index}>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              {formatDateTime(h.occurredAt)}, {h.by}
            </p>
            <p className="nhsuk-body nhsuk-u-margin-bottom-1">
              {h.toStatus !== null && h.toStatus !== h.fromStatus && <>Status: {GOAL_STATUS_LABELS[h.toStatus]}. </>}
              {h.personRating !== null && <>Their rating: {h.personRating} out of 10. </>}
              {h.note}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A goal of a closed case: what it said, with nothing to change. */
export function GoalReadOnly({ goal, needDomains }: { goal: Goal; needDomains: readonly NeedDomain[] }): ReactNode {
  const need = goal.domain === null ? 'Not one need in particular' : (needDomains.find((d) => d.code === goal.domain)?.label ?? goal.domain);
  return (
    <SummaryList
      rows={[
        { key: 'Need', value: need },
        {
          key: 'Steps',
          value:
            goal.steps.length === 0
              ? 'None'
              : goal.steps.map((s, i) => (
                  <span key={i} className="nhsuk-u-display-block">
                    {STEP_OWNER_LABELS[s.owner]}: {s.text}
                    {s.done ? ' (done)' : ''}
                  </span>
                )),
        },
        { key: 'Target date', value: goal.targetDate === null ? 'None' : formatDate(goal.targetDate) },
        { key: 'Review date', value: goal.reviewDate === null ? 'None' : formatDate(goal.reviewDate) },
        { key: 'Their rating', value: goal.personRating === null ? 'Not rated' : `${goal.personRating} out of 10` },
      ]}
    />
  );
}
