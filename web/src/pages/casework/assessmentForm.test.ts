import { describe, expect, it } from 'vitest';
import { assessmentBody, type AssessmentValues } from './assessmentForm.js';

const needs = [
  { code: 'loneliness', label: 'Loneliness' },
  { code: 'money', label: 'Money worries' },
  { code: 'housing', label: 'Housing' },
];
const today = '2026-11-21';
const empty = { words: '', priority: '', strengths: '' };
const base: AssessmentValues = {
  whatMatters: 'Getting out of the house and seeing my grandson',
  domains: { loneliness: empty, money: empty, housing: empty },
  assessedOn: { day: '21', month: '11', year: '2026' },
};

describe('assessment form to body', () => {
  it('sends only the domains with something entered, trimmed', () => {
    const checked = assessmentBody(
      { ...base, domains: { loneliness: { words: ' I see nobody all week ', priority: 'high', strengths: 'My neighbour Pat' }, money: empty, housing: { words: '', priority: 'not_now', strengths: '' } } },
      needs,
      today,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        whatMatters: 'Getting out of the house and seeing my grandson',
        assessedOn: '2026-11-21',
        domains: [
          { domain: 'loneliness', words: 'I see nobody all week', priority: 'high', strengths: 'My neighbour Pat' },
          { domain: 'housing', words: '', priority: 'not_now', strengths: '' },
        ],
      },
    });
  });

  it('asks for a priority where words were written without one', () => {
    const checked = assessmentBody({ ...base, domains: { ...base.domains, money: { words: 'Bills', priority: '', strengths: '' } } }, needs, today);
    expect(checked).toEqual({ ok: false, errors: { detail: null, fields: { 'domain-money-priority': 'Choose how much “Money worries” matters to them now' } } });
  });

  it('requires what matters and a real date not in the future', () => {
    const checked = assessmentBody({ ...base, whatMatters: '  ', assessedOn: { day: '22', month: '11', year: '2026' } }, needs, today);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toEqual({
      whatMatters: 'Write what matters to the person, in their words',
      assessedOn: 'The date of the conversation must be today or in the past',
    });
    const bad = assessmentBody({ ...base, assessedOn: { day: '31', month: '2', year: '2026' } }, needs, today);
    expect(bad.ok ? null : bad.errors.fields.assessedOn).toBe('The date of the conversation must be a real date');
  });
});
