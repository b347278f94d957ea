import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { STEP_OWNER_LABELS, STEP_OWNERS } from '../../../../src/contracts/casework-codes.js';
import { goal as goalSchema, type Goal, type NeedDomain } from '../../../../src/contracts/casework.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { DateInput } from '../../components/DateInput.js';
import { partsOf } from '../../components/dateParts.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { TextArea } from '../../components/TextArea.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { usePutIfMatch } from '../people/api.js';
import { casePath, caseUrl, goalPath } from './api.js';
import { goalBody, goalFieldOrder, goalProblem, goalValues, isStepOwner, stepField, type StepRow } from './goalForm.js';

/** The goal's words, need, steps (added and removed as rows) and dates. */

export function GoalForm({ referralId, goal, needDomains }: { referralId: string; goal: Goal | null; needDomains: readonly NeedDomain[] }): ReactNode {
  const navigate = useNavigate();
  const putIfMatch = usePutIfMatch();
  const initial = goalValues(goal);
  const [steps, setSteps] = useState<StepRow[]>(initial.steps.length > 0 ? [...initial.steps] : [{ key: 0, text: '', owner: 'person', done: false }]);
  const [nextKey, setNextKey] = useState(initial.steps.length + 1);
  const toProblem = useProblemHandler();
  const order = goalFieldOrder(steps);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => {
      const values = Object.fromEntries(data);
      return goalBody({ title: formText(data, 'title'), domain: formText(data, 'domain'), steps, targetDate: partsOf(values, 'targetDate'), reviewDate: partsOf(values, 'reviewDate') });
    },
    send: async (body) => {
      if (goal === null) {
        await postJson(`${casePath(referralId)}/goals`, body, goalSchema);
        void navigate(caseUrl(referralId), { state: { message: 'The goal has been added to the plan.' } });
      } else {
        await putIfMatch(goalPath(goal.id), body, goalSchema, goal.version);
        void navigate(caseUrl(referralId), { state: { message: 'The goal has been changed.' } });
      }
    },
    toProblem: (error) => {
      const problem = toProblem(error);
      return problem === null ? null : goalProblem(problem, steps);
    },
  });
  const update = (key: number, change: Partial<StepRow>): void => {
    setSteps((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={order} />
      <TextArea name="title" label="The goal, in the person’s words" rows={2} defaultValue={initial.title} error={errors.fields.title} />
      <SelectField
        name="domain"
        label="Which need it is about (optional)"
        options={[{ value: '', label: 'Not one need in particular' }, ...needDomains.map((d) => ({ value: d.code, label: d.label }))]}
        defaultValue={initial.domain}
      />
      <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4" id="steps" tabIndex={-1} aria-describedby={errors.fields.steps === undefined ? undefined : 'steps-error'}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Steps: who does what</legend>
        {errors.fields.steps !== undefined && <ErrorMessage id="steps-error">{errors.fields.steps}</ErrorMessage>}
        {steps.map((row, index) => {
          const field = stepField(index);
          const error = errors.fields[field];
          return (
            <div className="nhsuk-u-margin-bottom-4" key={row.key}>
              <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
                <label className="nhsuk-label" htmlFor={field}>
                  Step {index + 1}
                </label>
                {error !== undefined && <ErrorMessage id={`${field}-error`}>{error}</ErrorMessage>}
                <input
                  className={error === undefined ? 'nhsuk-input' : 'nhsuk-input nhsuk-input--error'}
                  id={field}
                  maxLength={500}
                  aria-describedby={error === undefined ? undefined : `${field}-error`}
                  value={row.text}
                  onChange={(e) => { update(row.key, { text: e.target.value }); }}
                />
              </div>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor={`${field}-owner`}>
                  Who does step {index + 1}
                </label>
                <select
                  className="nhsuk-select"
                  id={`${field}-owner`}
                  value={row.owner}
                  onChange={(e) => {
                    if (isStepOwner(e.target.value)) update(row.key, { owner: e.target.value });
                  }}
                >
                  {STEP_OWNERS.map((o) => (
                    <option key={o} value={o}>
                      {STEP_OWNER_LABELS[o]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-2">
                <div className="nhsuk-checkboxes__item">
                  <input className="nhsuk-checkboxes__input" type="checkbox" id={`${field}-done`} checked={row.done} onChange={(e) => { update(row.key, { done: e.target.checked }); }} />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${field}-done`}>
                    Step {index + 1} is done
                  </label>
                </div>
              </div>
              <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={() => { setSteps((rows) => rows.filter((r) => r.key !== row.key)); }}>
                Remove step {index + 1}
              </button>
            </div>
          );
        })}
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            setSteps((rows) => [...rows, { key: nextKey, text: '', owner: 'person', done: false }]);
            setNextKey((n) => n + 1);
          }}
        >
          Add a step
        </button>
      </fieldset>
      <DateInput name="targetDate" legend="Target date (optional)" hint="When the person hopes to get there. For example, 31 1 2027" defaultValue={initial.targetDate} error={errors.fields.targetDate} />
      <DateInput name="reviewDate" legend="Review date (optional)" hint="You will get a reminder on this day." defaultValue={initial.reviewDate} error={errors.fields.reviewDate} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        {goal === null ? 'Add the goal' : 'Save changes'}
      </button>
    </form>
  );
}
