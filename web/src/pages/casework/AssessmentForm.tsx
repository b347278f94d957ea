import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { NEED_PRIORITIES, NEED_PRIORITY_LABELS } from '../../../../src/contracts/casework-codes.js';
import { assessment, type Assessment, type NeedDomain } from '../../../../src/contracts/casework.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { DateInput } from '../../components/DateInput.js';
import { isoToParts, partsOf } from '../../components/dateParts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { casePath, caseUrl } from './api.js';
import { assessmentBody, domainField, type DomainValues } from './assessmentForm.js';
import { londonToday } from './time.js';

/**
 * The conversation's form. Each need is folded away until opened, so the page reads as a
 * conversation rather than a questionnaire; the latest answers are filled in to build on.
 */
export function AssessmentForm({ referralId, needDomains, latest }: { referralId: string; needDomains: readonly NeedDomain[]; latest: Assessment | null }): ReactNode {
  const navigate = useNavigate();
  const order = ['whatMatters', ...needDomains.map((d) => domainField(d.code, 'priority')), 'assessedOn'];
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => {
      const domains: Record<string, DomainValues> = {};
      for (const d of needDomains) {
        domains[d.code] = { words: formText(data, domainField(d.code, 'words')), priority: formText(data, domainField(d.code, 'priority')), strengths: formText(data, domainField(d.code, 'strengths')) };
      }
      return assessmentBody({ whatMatters: formText(data, 'whatMatters'), domains, assessedOn: partsOf(Object.fromEntries(data), 'assessedOn') }, needDomains, londonToday());
    },
    send: async (body) => {
      const saved = await postJson(`${casePath(referralId)}/assessments`, body, assessment);
      void navigate(caseUrl(referralId), { state: { message: `What matters to the person is saved as version ${saved.number}.` } });
    },
    toProblem: useProblemHandler(),
  });
  const previous = (code: string) => latest?.domains.find((d) => d.domain === code);
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={order} />
      <TextArea
        name="whatMatters"
        label="What matters to you?"
        hint="Ask the person and write their answer in their own words."
        rows={6}
        defaultValue={latest?.whatMatters}
        error={errors.fields.whatMatters}
      />
      <h2 className="nhsuk-heading-m">Needs you talked about</h2>
      {needDomains.map((d) => {
        const before = previous(d.code);
        const priorityName = domainField(d.code, 'priority');
        const hasError = errors.fields[priorityName] !== undefined;
        return (
          <details className="nhsuk-details" key={d.code} open={before !== undefined || hasError}>
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">{d.label}</span>
            </summary>
            <div className="nhsuk-details__text">
              <TextArea name={domainField(d.code, 'words')} label={`${d.label}: in their words`} rows={3} defaultValue={before?.words} />
              <ChoiceField
                type="radio"
                name={priorityName}
                legend={`How much does ${d.label.toLowerCase()} matter now?`}
                items={NEED_PRIORITIES.map((p) => ({ value: p, label: NEED_PRIORITY_LABELS[p] }))}
                defaultValues={before === undefined ? [] : [before.priority]}
                error={errors.fields[priorityName]}
              />
              <TextArea
                name={domainField(d.code, 'strengths')}
                label="What they already have"
                hint="Strengths, people and places that help."
                rows={3}
                defaultValue={before?.strengths}
              />
            </div>
          </details>
        );
      })}
      <DateInput name="assessedOn" legend="Date of the conversation" hint="For example, 21 11 2026" defaultValue={isoToParts(londonToday())} error={errors.fields.assessedOn} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Save what matters
      </button>
    </form>
  );
}
