import { useId, type ReactNode } from 'react';
import { DROP_OUT_REASONS, ONWARD_DECLINE_REASONS } from '../../../../src/contracts/casework-codes.js';
import type { OnwardEventInput } from '../../../../src/contracts/onward.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { ApiProblem } from '../../api/problem.js';
import { fieldName } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { actionFields, actionWords, checkAction, type ActionType } from './events.js';
import { formValues } from './forms.js';

/**
 * One reply or change of status as a small form of its own: a heading, its fields, one button.
 * Field ids carry the action's name, so several of these can sit on one page.
 */
interface Props {
  type: ActionType;
  audience: 'provider' | 'link_worker';
  send: (body: OnwardEventInput) => Promise<void>;
  toProblem: (error: unknown) => ApiProblem | null;
}

const reasons = (list: readonly { code: string; label: string }[]): { value: string; label: string }[] =>
  list.map((r) => ({ value: r.code, label: r.label }));

export function ActionForm({ type, audience, send, toProblem }: Props): ReactNode {
  const headingId = useId();
  const words = actionWords(type, audience);
  const fields = actionFields(type);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields,
    check: (data) => checkAction(type, formValues(data)),
    send,
    toProblem: (error) => {
      const problem = toProblem(error);
      if (problem === null) return null;
      // The server names fields by the contract (reasonCode); this form's ids carry the action's name.
      const errors = problem.errors.map(({ field, message }) => ({ field: `${type}-${fieldName(field)}`, message }));
      return new ApiProblem(problem.status, problem.title, problem.detail, errors, problem.requestId);
    },
  });
  const secondary = type === 'decline' || type === 'drop_out' || type === 'withdraw';
  return (
    <section className="nhsuk-u-margin-bottom-6">
      <h3 className="nhsuk-heading-s" id={headingId}>
        {words.heading}
      </h3>
      <ErrorSummary errors={errors} order={fields} />
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        {type === 'decline' && (
          <ChoiceField type="radio" name="decline-reasonCode" legend="Why is it declined?" items={reasons(ONWARD_DECLINE_REASONS)} error={errors.fields['decline-reasonCode']} />
        )}
        {type === 'drop_out' && (
          <ChoiceField type="radio" name="drop_out-reasonCode" legend="Why did they stop coming?" items={reasons(DROP_OUT_REASONS)} error={errors.fields['drop_out-reasonCode']} />
        )}
        {type === 'withdraw' ? (
          <TextArea name="withdraw-reason" label="Why is the referral withdrawn?" hint="The group is told it has been withdrawn." rows={3} error={errors.fields['withdraw-reason']} />
        ) : (
          <TextArea
            name={`${type}-note`}
            label={type === 'decline' ? 'Anything the link worker should know (optional)' : 'Note (optional)'}
            hint={type === 'decline' ? 'Needed when the reason is "Other reason".' : undefined}
            rows={2}
            error={errors.fields[`${type}-note`]}
          />
        )}
        <button className={secondary ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'} type="submit" disabled={busy}>
          {words.button}
        </button>
      </form>
    </section>
  );
}
