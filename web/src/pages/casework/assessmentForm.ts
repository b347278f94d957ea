import { NEED_PRIORITIES, type NeedPriority } from '../../../../src/contracts/casework-codes.js';
import { assessmentInput, type AssessmentInput, type DomainAnswer, type NeedDomain } from '../../../../src/contracts/casework.js';
import { partsToIso, type DateParts } from '../../components/dateParts.js';
import { checkWith, type Checked } from '../../forms/errors.js';

/**
 * "What matters to me" from the form to the request body. Only need domains with something
 * written or chosen are sent, so a short conversation is not padded with empty answers.
 */
export interface DomainValues {
  words: string;
  priority: string;
  strengths: string;
}

export interface AssessmentValues {
  whatMatters: string;
  domains: Readonly<Record<string, DomainValues>>;
  assessedOn: DateParts;
}

export const domainField = (code: string, part: keyof DomainValues): string => `domain-${code}-${part}`;

const isPriority = (value: string): value is NeedPriority => (NEED_PRIORITIES as readonly string[]).includes(value);

export function assessmentBody(values: AssessmentValues, needDomains: readonly NeedDomain[], today: string): Checked<AssessmentInput> {
  const fields: Partial<Record<string, string>> = {};
  const domains: DomainAnswer[] = [];
  for (const need of needDomains) {
    const entered = values.domains[need.code];
    if (entered === undefined) continue;
    const words = entered.words.trim();
    const strengths = entered.strengths.trim();
    if (words === '' && strengths === '' && entered.priority === '') continue;
    if (!isPriority(entered.priority)) {
      fields[domainField(need.code, 'priority')] = `Choose how much “${need.label}” matters to them now`;
      continue;
    }
    domains.push({ domain: need.code, words, priority: entered.priority, strengths });
  }
  const date = partsToIso(values.assessedOn);
  let assessedOn = '';
  if (!date.ok) fields.assessedOn = date.problem === 'empty' ? 'Enter the date of the conversation' : 'The date of the conversation must be a real date';
  else if (date.iso > today) fields.assessedOn = 'The date of the conversation must be today or in the past';
  else assessedOn = date.iso;
  const checked = checkWith(assessmentInput, { whatMatters: values.whatMatters, domains, assessedOn: assessedOn === '' ? today : assessedOn });
  if (!checked.ok) Object.assign(fields, { ...checked.errors.fields, ...fields });
  if (Object.keys(fields).length > 0) return { ok: false, errors: { detail: null, fields } };
  return checked;
}
